import CLinuxCalls
import Foundation
import VernetztEngine
import VernetztModel

/// A pipe to a child's output whose ends are closed in every other child (close-on-exec), so
/// that a child started at the same moment on another thread cannot hold it open.
struct ChildPipe {
    let read: Int32
    let write: Int32

    init() throws {
        var fds: [Int32] = [0, 0]
        guard vernetzt_pipe_closed_on_exec(&fds) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        read = fds[0]
        write = fds[1]
    }
}
