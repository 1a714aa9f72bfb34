import Foundation

/// One build at a time per output folder: two builds into the same output (a double click,
/// two terminals, a CI retry) would share one staging folder and publish half a site. The lock
/// is an `flock` on the folder that holds the output (and its staging folder), held from the
/// staging folder's creation until it is swapped in or removed; the kernel releases it when
/// the process ends, however it ends. Not the output itself: it is replaced by each build, and
/// a lock on a replaced folder excludes nobody. No lock file either: nothing is written
/// outside the output and its staging folder.
package final class OutputLock: @unchecked Sendable {
    private let descriptor: Int32

    /// Takes the lock, waiting for a build that holds it; `waiting` is told once when it must.
    package init(for output: URL, waiting: () -> Void) throws(OutputError) {
        let path = output.deletingLastPathComponent().path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw OutputError(.fileFailed(.open, path, reason: String(cString: strerror(errno))))
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return }
        // On the errors below, `deinit` closes the descriptor (it runs for a class whose
        // initialiser throws once every property is set).
        guard errno == EWOULDBLOCK else {
            throw OutputError(.fileFailed(.lock, path, reason: String(cString: strerror(errno))))
        }
        waiting()
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw OutputError(.fileFailed(.lock, path, reason: String(cString: strerror(errno))))
            }
        }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }
}
