/// Keeps the first error that any of several parallel workers ran into.
final class FirstError: Sendable {
    private let first = Locked<OutputError?>(nil)

    func record(_ error: OutputError) {
        first.withLock { if $0 == nil { $0 = error } }
    }

    var error: OutputError? { first.withLock { $0 } }
}
