import Foundation

/// Work started on a thread of its own while the caller goes on, and waited for where its
/// result is needed (a build writes its documents for the next one while it renders).
package final class Background<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Value?

    package init(_ work: @escaping @Sendable () -> Value) {
        let thread = Thread { [self] in
            result = work()
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The result, once the work is done.
    package func value() -> Value {
        done.wait()
        done.signal()  // a second call does not wait
        return result!
    }
}
