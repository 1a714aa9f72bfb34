import Foundation

/// One build at a time per output folder: two builds into the same output (a double click,
/// two terminals, a CI retry) would share one staging folder and publish half a site. The lock
/// is an `flock` on a file beside the output, held from the staging folder's creation until
/// it is swapped in or removed; the kernel releases it when the process ends, however it ends.
/// The file stays (removing a lock file lets a third build lock a different file).
final class OutputLock: @unchecked Sendable {
    private let descriptor: Int32

    /// Takes the lock, waiting for a build that holds it; `waiting` is told once when it must.
    init(for output: URL, waiting: () -> Void) throws(OutputError) {
        let path = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).vernetzt-lock").path
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else {
            throw OutputError("cannot create the lock file \(path): \(String(cString: strerror(errno)))")
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return }
        guard errno == EWOULDBLOCK else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw OutputError("cannot lock \(path): \(reason)")
        }
        waiting()
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw OutputError("cannot lock \(path): \(reason)")
            }
        }
    }

    deinit {
        close(descriptor)
    }
}
