import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program started with `posix_spawn` and reaped with `waitpid`. Foundation's `Process` on
/// Linux can miss the end of a child (it stays a zombie and `waitUntilExit` never returns):
/// that hung a build's Pagefind run and a test that kills builds right after they start.
struct ChildProcess {
    let pid: pid_t

    /// Starts `executable` (in `directory`, when given); its standard output and error go to
    /// the given file descriptors, or to /dev/null.
    init(_ executable: String, _ arguments: [String], in directory: String? = nil,
         environment: [String: String] = ProcessInfo.processInfo.environment,
         output: Int32? = nil, error: Int32? = nil) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (source, target) in [(output, Int32(1)), (error, Int32(2))] {
            if let source {
                posix_spawn_file_actions_adddup2(&actions, source, target)
            } else {
                posix_spawn_file_actions_addopen(&actions, target, "/dev/null", O_WRONLY, 0)
            }
        }
        // With a folder, a shell changes into it and then becomes the program.
        let program = directory == nil ? executable : "/bin/sh"
        let argv = directory.map { ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", $0, executable] } ?? [executable]
        let cArguments = (argv + arguments).map { strdup($0) } + [nil]
        let cEnvironment = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            cArguments.forEach { free($0) }
            cEnvironment.forEach { free($0) }
        }
        var pid = pid_t()
        let result = posix_spawn(&pid, program, &actions, nil, cArguments, cEnvironment)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EINVAL) }
        self.pid = pid
    }

    /// Waits for the child's end: its exit status, or 128 + the signal that ended it.
    func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }
}
