import Foundation

/// What tells a file in the output apart from the one a build wrote there: its size, its time
/// of last change and its inode. A file edited, replaced or touched by anyone gets another
/// stamp, and the next build makes it anew.
package struct FileStamp: Sendable, Hashable {
    package var size: Int
    package var seconds: Int
    package var nanoseconds: Int
    package var inode: UInt64

    package init(size: Int, seconds: Int, nanoseconds: Int, inode: UInt64) {
        self.size = size
        self.seconds = seconds
        self.nanoseconds = nanoseconds
        self.inode = inode
    }

    package init(_ info: stat) {
        self.init(size: Int(info.st_size), seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec, inode: UInt64(info.st_ino))
    }

    /// The stamp of a regular file (not a link to one), or nil; a relative `path` from `folder`.
    package static func of(_ path: String, in folder: OpenFolder? = nil) -> FileStamp? {
        of(path, in: folder, type: S_IFREG)
    }

    /// The stamp of a folder (not a link to one), or nil; a relative `path` from `folder`.
    package static func ofFolder(_ path: String, in folder: OpenFolder? = nil) -> FileStamp? {
        of(path, in: folder, type: S_IFDIR)
    }

    private static func of(_ path: String, in folder: OpenFolder?, type: mode_t) -> FileStamp? {
        var info = stat()
        guard fstatat(folder?.descriptor ?? AT_FDCWD, folder?.name(path) ?? path, &info, AT_SYMLINK_NOFOLLOW) == 0,
              (info.st_mode & S_IFMT) == type else { return nil }
        return FileStamp(info)
    }

    /// Every regular file under `folder`, by path relative to it; symbolic links and other
    /// special files are listed with no stamp (a build removes them: a link could publish a
    /// file from anywhere).
    package static func walk(_ folder: String) -> [String: FileStamp?] {
        var found: [String: FileStamp?] = [:]
        var pending = [""]
        while let prefix = pending.popLast() {
            entries(of: prefix.isEmpty ? folder : folder + "/" + prefix) { name, info in
                switch info.st_mode & S_IFMT {
                case S_IFDIR: pending.append(prefix + name + "/")
                case S_IFREG: found[prefix + name] = FileStamp(info)
                default: found[prefix + name] = .some(nil)
                }
            }
        }
        return found
    }

    /// Each entry of `folder` (not `.` and `..`) with what `lstat` says of it, in the order
    /// the folder lists them.
    package static func entries(of folder: String, _ visit: (String, stat) -> Void) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        let descriptor = dirfd(directory)
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { names.append(name) }
        }
        let lstat = { @Sendable (name: String) -> stat? in
            var info = stat()
            return fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 ? info : nil
        }
        // A folder of thousands of posts: the kernel's look-ups, most of the walk, on every core.
        let infos = names.count < parallelFrom ? names.map(lstat) : Parallel.map(names, lstat)
        for (name, info) in zip(names, infos) {
            if let info { visit(name, info) }
        }
    }

    /// Entries from which a folder's are looked up in parallel.
    static let parallelFrom = 256
}
