import Foundation

/// A value shared between threads behind a lock — an NSLock, which the thread sanitizer sees
/// (it does not see `Mutex`). The one place where such state is declared safe by hand, so that
/// the classes holding it are checked by the compiler.
package final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    package init(_ value: Value) {
        self.value = value
    }

    package func withLock<Result>(_ body: (inout Value) -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
