import Foundation

/// Keeps the first error that any of several parallel workers ran into.
final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private var first: OutputError?

    func record(_ error: OutputError) {
        lock.lock()
        defer { lock.unlock() }
        if first == nil { first = error }
    }

    var error: OutputError? {
        lock.lock()
        defer { lock.unlock() }
        return first
    }
}
