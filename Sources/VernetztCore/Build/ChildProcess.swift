import CChildGuard
import Foundation
import VernetztEngine
import VernetztModel
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
        // The child starts with the default handling of every signal and none blocked: what
        // this process ignores or blocks (a test runner may ignore SIGTERM) is not its business,
        // and a child that ignored SIGTERM could not be stopped.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        var pid = pid_t()
        let result = posix_spawn(&pid, program, &actions, &attributes, cArguments, cEnvironment)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EINVAL) }
        self.pid = pid
    }

    /// Waits for the child's end: its exit status, or 128 + the signal that ended it.
    func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return Self.exitStatus(status)
    }

    /// Waits at most `seconds`; then ends the child (SIGTERM, after a grace second SIGKILL) and
    /// returns nil. While it waits, a signal that stops vernetzt stops the child too.
    func wait(seconds: Double) -> Int32? {
        vernetzt_guard_child(pid)
        defer { vernetzt_unguard_child(pid) }
        let deadline = Date().addingTimeInterval(seconds)
        var status: Int32 = 0
        while Date() < deadline {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { return Self.exitStatus(status) }
            if result < 0 && errno != EINTR { return -1 }
            usleep(20_000)
        }
        kill(pid, SIGTERM)
        for _ in 0..<50 where waitpid(pid, &status, WNOHANG) == 0 { usleep(20_000) }
        kill(pid, SIGKILL)
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return nil
    }

    private static func exitStatus(_ status: Int32) -> Int32 {
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }
}
