import Foundation

/// What the preview serves: the last good build's files, or the errors of the last build.
/// Replaced as a whole after each rebuild, so a request sees one build or the next, never a mix.
final class PreviewState: @unchecked Sendable {
    struct Snapshot {
        var files: [String: [UInt8]] = [:]
        var errors: [Diagnostic] = []
        var generation = 0
    }

    private let lock = NSLock()
    private var snapshot = Snapshot()

    var current: Snapshot {
        lock.lock()
        defer { lock.unlock() }
        return snapshot
    }

    func publish(files: [OutputFile]) -> Int {
        lock.lock()
        defer { lock.unlock() }
        snapshot = Snapshot(files: Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.bytes) }),
                            errors: [], generation: snapshot.generation + 1)
        return snapshot.generation
    }

    func fail(_ errors: [Diagnostic]) -> Int {
        lock.lock()
        defer { lock.unlock() }
        snapshot.errors = errors
        snapshot.generation += 1
        return snapshot.generation
    }
}
