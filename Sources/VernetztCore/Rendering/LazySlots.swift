import Foundation
import Synchronization
import VernetztEngine
import VernetztModel

/// One value per index, made when first asked for and only once, safe to ask from many
/// threads. A lock per slot: two threads wait for each other only on the same index, and
/// once a value is made it is read without any lock (an author's teaser is read by every
/// page of the author's posts, from all threads).
final class LazySlots<Value>: @unchecked Sendable {
    /// A buffer rather than an array: writing one slot must not touch storage others read.
    private let values: UnsafeMutableBufferPointer<Value?>
    /// Set, with release ordering, once a slot's value is written.
    private let ready: UnsafeMutablePointer<Atomic<Bool>>
    private let locks: [NSLock]
    private let count: Int

    init(count: Int) {
        self.count = count
        values = .allocate(capacity: count)
        values.initialize(repeating: nil)
        ready = .allocate(capacity: count)
        for i in 0..<count { (ready + i).initialize(to: Atomic(false)) }
        locks = (0..<count).map { _ in NSLock() }
    }

    deinit {
        values.deinitialize()
        values.deallocate()
        ready.deinitialize(count: count)
        ready.deallocate()
    }

    /// `make` may ask for other slots, never (directly or not) for `i` itself.
    func value(_ i: Int, make: () -> Value) -> Value {
        if ready[i].load(ordering: .acquiring) { return values[i].unsafelyUnwrapped }
        locks[i].lock()
        defer { locks[i].unlock() }
        if let done = values[i] { return done }
        let value = make()
        values[i] = value
        ready[i].store(true, ordering: .releasing)
        return value
    }
}
