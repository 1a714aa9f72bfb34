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

    /// The stamp of a regular file (not a link to one), or nil.
    package static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return FileStamp(info)
    }

    /// Every regular file under `folder`, by path relative to it, except those under the top
    /// level's hidden entries (the marker, `.well-known`: they belong to whoever put them there).
    /// Symbolic links and other special files are listed with no stamp, hidden or not: a build
    /// removes them (a link could publish a file from anywhere). The first two levels are
    /// read in turn, the folders below them in parallel (a site's pages are mostly one folder
    /// each under a kind's folder).
    package static func walk(_ folder: String) -> [String: FileStamp?] {
        var found: [String: FileStamp?] = [:]
        var below: [String] = []
        for prefix in list(folder, prefix: "", into: &found) {
            if prefix.hasPrefix(".") {
                hidden(folder + "/" + prefix, prefix: prefix, into: &found)
            } else {
                below += list(folder + "/" + prefix, prefix: prefix, into: &found)
            }
        }
        let parts = Parallel.map(below) { prefix -> [String: FileStamp?] in
            var part: [String: FileStamp?] = [:]
            var pending = [prefix]
            while let next = pending.popLast() { pending += list(folder + "/" + next, prefix: next, into: &part) }
            return part
        }
        for part in parts { found.merge(part) { a, _ in a } }
        return found
    }

    /// Lists one folder into `found`; gives back its folders, as prefixes (`blog/x/`).
    private static func list(_ folder: String, prefix: String, into found: inout [String: FileStamp?]) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        let descriptor = dirfd(directory)
        var folders: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            // The entry's type comes with its name on most file systems: a folder needs no stat.
            if entry.pointee.d_type == UInt8(DT_DIR) {
                folders.append(prefix + name + "/")
                continue
            }
            var info = stat()
            guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: folders.append(prefix + name + "/")
            case S_IFREG: if !(prefix.isEmpty && name.hasPrefix(".")) { found[prefix + name] = FileStamp(info) }
            default: found[prefix + name] = .some(nil)
            }
        }
        return folders
    }

    /// A hidden folder at the top: only what is neither a regular file nor a folder is listed.
    private static func hidden(_ folder: String, prefix: String, into found: inout [String: FileStamp?]) {
        var inside: [String: FileStamp?] = [:]
        for next in list(folder, prefix: prefix, into: &inside) { hidden(folder + "/" + next.dropFirst(prefix.count), prefix: next, into: &found) }
        for (path, stamp) in inside where stamp == nil { found[path] = .some(nil) }
    }
}
