import Foundation

/// The output as a build finds it, against what the last build left there — without reading
/// every folder: each file the last build wrote is looked up by its path (its stamp tells
/// whether it is still as written), and each folder by its time of change, which moves when
/// anything is put into it or taken out. Only such a folder is listed, for files nobody made.
/// The root is always listed, and its hidden folders always walked (`.well-known`: they are
/// not the build's, but symbolic links in them must go, as a clean build leaves none).
package struct OutputSurvey: Sendable {
    /// The files as found: each by its stamp, nil for a symbolic link or other special file.
    /// A file of the last build that is gone is not listed.
    package var found: [String: FileStamp?] = [:]
    /// The folders' stamps as found, by path with a trailing `/` (the root is `""`).
    package var folders: [String: FileStamp] = [:]

    package init(output: String, files: [String], folders lastFolders: [String: FileStamp]) {
        let opened = OpenFolder(output)
        let stamps = Parallel.map(files) { path -> FileStamp?? in
            var info = stat()
            guard fstatat(opened.descriptor, opened.name(path), &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
            return (info.st_mode & S_IFMT) == S_IFREG ? .some(FileStamp(info)) : .some(nil)
        }
        for (path, stamp) in zip(files, stamps) {
            if let stamp { found[path] = stamp }
        }
        let names = Array(lastFolders.keys)
        let folderStamps = Parallel.map(names) { FileStamp.ofFolder($0, in: opened) }
        var changed: [String] = []
        for (path, stamp) in zip(names, folderStamps) {
            guard let stamp else { continue }
            folders[path] = stamp
            if stamp != lastFolders[path], !path.isEmpty { changed.append(path) }
        }
        let known = Set(files)
        list(output, prefix: "", known: known, lastFolders: lastFolders)
        for path in changed.sorted() { list(output + "/" + path, prefix: path, known: known, lastFolders: lastFolders) }
    }

    /// Lists a folder: files the last build did not make are added to `found`; folders it did
    /// not make are walked whole.
    private mutating func list(_ folder: String, prefix: String, known: Set<String>, lastFolders: [String: FileStamp]) {
        var found: [String: FileStamp?] = [:]  // (the closure cannot change `self`)
        FileStamp.entries(of: folder) { name, info in
            let path = prefix + name
            let type = info.st_mode & S_IFMT
            if prefix.isEmpty && name.hasPrefix(".") {
                // The marker and what others put beside the site stay; links in them do not.
                if type == S_IFDIR {
                    for (inner, stamp) in FileStamp.walk(folder + "/" + name) where stamp == nil { found[path + "/" + inner] = .some(nil) }
                } else if type != S_IFREG {
                    found[path] = .some(nil)
                }
            } else if type == S_IFDIR {
                if lastFolders[path + "/"] == nil {
                    for (inner, stamp) in FileStamp.walk(folder + "/" + name) { found[path + "/" + inner] = stamp }
                }
            } else if !known.contains(path) {
                found[path] = type == S_IFREG ? .some(FileStamp(info)) : .some(nil)
            }
        }
        self.found.merge(found) { _, new in new }
    }

    /// The folders that hold `paths`, with a trailing `/`, and the root (`""`). Slashes are
    /// found on the bytes: searching a String goes character by character, backwards, for
    /// every file of the site.
    package static func folders(of paths: [String]) -> Set<String> {
        var folders: Set<String> = [""]
        for path in paths {
            var path = path
            path.withUTF8 { bytes in
                var end = bytes.count
                while let slash = bytes[..<end].lastIndex(of: UInt8(ascii: "/")) {
                    let folder = String(decoding: UnsafeBufferPointer(rebasing: bytes[...slash]), as: UTF8.self)
                    if !folders.insert(folder).inserted { break }
                    end = slash
                }
            }
        }
        return folders
    }
}
