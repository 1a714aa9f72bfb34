import VernetztEngine
import VernetztModel
import VernetztCore

/// What the preview serves: the last good build's files, or the errors of the last build.
/// Replaced as a whole after each rebuild, so a request sees one build or the next, never a mix.
final class PreviewState: Sendable {
    struct Snapshot: Sendable {
        var files: [String: [UInt8]] = [:]
        var errors: [Diagnostic] = []
        var generation = 0
    }

    private let snapshot = Locked(Snapshot())

    var current: Snapshot { snapshot.withLock { $0 } }

    func publish(files: [OutputFile]) -> Int {
        snapshot.withLock { snapshot in
            snapshot = Snapshot(files: Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.bytes) }),
                                errors: [], generation: snapshot.generation + 1)
            return snapshot.generation
        }
    }

    func fail(_ errors: [Diagnostic]) -> Int {
        snapshot.withLock { snapshot in
            snapshot.errors = errors
            snapshot.generation += 1
            return snapshot.generation
        }
    }
}
