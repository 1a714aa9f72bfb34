import Foundation

/// Fresh folders for tests, all inside one folder per test process. The test process does not
/// get to clean up after itself reliably (it may end on a failed `#require` or a crash), so each
/// run removes the folders of earlier runs whose process is gone: /tmp does not fill up.
enum ScratchFolder {
    static let root: URL = {
        let temporary = FileManager.default.temporaryDirectory
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
        where name.hasPrefix(folderPrefix) {
            if let pid = pid_t(name.dropFirst(folderPrefix.count)), pid == getpid() || kill(pid, 0) != 0 {
                try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name))
            }
        }
        return temporary.appendingPathComponent("\(folderPrefix)\(getpid())")
    }()

    private static let folderPrefix = "vernetzt-tests-"

    /// A new, empty folder named `prefix-<UUID>`.
    static func make(_ prefix: String) throws -> URL {
        let url = root.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A path for a folder that does not exist yet (for code that must create it itself).
    static func path(_ prefix: String) throws -> URL {
        let url = try make(prefix)
        try FileManager.default.removeItem(at: url)
        return url
    }
}
