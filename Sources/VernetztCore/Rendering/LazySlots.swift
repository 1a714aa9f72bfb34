import Foundation

/// One value per index, made when first asked for and only once, safe to ask from many
/// threads. A lock per slot: two threads wait for each other only on the same index.
final class LazySlots<Value>: @unchecked Sendable {
    /// A buffer rather than an array: writing one slot must not touch storage others read.
    private let values: UnsafeMutableBufferPointer<Value?>
    private let locks: [NSLock]

    init(count: Int) {
        values = .allocate(capacity: count)
        values.initialize(repeating: nil)
        locks = (0..<count).map { _ in NSLock() }
    }

    deinit {
        values.deinitialize()
        values.deallocate()
    }

    /// `make` may ask for other slots, never (directly or not) for `i` itself.
    func value(_ i: Int, make: () -> Value) -> Value {
        locks[i].lock()
        defer { locks[i].unlock() }
        if let done = values[i] { return done }
        let value = make()
        values[i] = value
        return value
    }
}
