import Foundation

/// The load stage: walks the site root and reads every file the build needs, in a stable order.
public struct SiteLoader: Sendable {
    public var root: URL
    public var layouts: URL

    public init(root: URL, layouts: URL? = nil) {
        self.root = root.standardizedFileURL
        self.layouts = (layouts ?? root.appendingPathComponent("layouts")).standardizedFileURL
    }

    public func load() throws(BuildFailure) -> SiteSources {
        var diagnostics: [Diagnostic] = []
        let configURL = root.appendingPathComponent("site.yml")
        let config = FileManager.default.fileExists(atPath: configURL.path)
            ? read(configURL, as: "site.yml", into: &diagnostics) : nil

        var content: [SourceFile] = []
        var contentAssets: [SourceFile] = []
        for file in readAll(walk(root.appendingPathComponent("content"), prefix: "content", into: &diagnostics), into: &diagnostics) {
            if file.path.hasSuffix(".md") { content.append(file) } else { contentAssets.append(file) }
        }

        let layoutsPrefix = relativeName(of: layouts)
        var layoutFiles: [SourceFile] = []
        var layoutAssets: [SourceFile] = []
        for (url, relative) in walk(layouts, prefix: layoutsPrefix, into: &diagnostics) {
            let inner = relative.dropFirst(layoutsPrefix.count + 1)
            if inner.hasPrefix("assets/") {
                if let file = read(url, as: relative, into: &diagnostics) { layoutAssets.append(file) }
            } else if relative.hasSuffix(".mustache") {
                if let file = read(url, as: relative, into: &diagnostics) { layoutFiles.append(file) }
            }
        }
        var staticFiles: [SourceFile] = []
        for (url, relative) in walk(root.appendingPathComponent("static"), prefix: "static", into: &diagnostics) {
            if let file = read(url, as: relative, into: &diagnostics) { staticFiles.append(file) }
        }
        if diagnostics.contains(where: \.isError) { throw BuildFailure(diagnostics) }
        return SiteSources(config: config, content: content, contentAssets: contentAssets,
                           layouts: layoutFiles, layoutsPrefix: layoutsPrefix,
                           layoutAssets: layoutAssets, staticFiles: staticFiles)
    }

    /// The layouts folder relative to the root when it lies inside it, else its absolute path.
    private func relativeName(of folder: URL) -> String {
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        if folder.path.hasPrefix(rootPath) { return String(folder.path.dropFirst(rootPath.count)) }
        return folder.path
    }

    /// Regular files below `folder`, sorted by path; hidden files and links that leave the folder are skipped.
    /// Only symbolic links are resolved: every other entry's real path is its folder's plus its name.
    private func walk(_ folder: URL, prefix: String, into diagnostics: inout [Diagnostic]) -> [(URL, String)] {
        var found: [(URL, String)] = []
        var visited = Set<String>()
        let rootPath = root.resolvingSymlinksInPath().path
        let folderPath = folder.resolvingSymlinksInPath().path
        func visit(_ dir: URL, real: String, _ relative: String) {
            guard visited.insert(real).inserted else {
                diagnostics.append(.error(SourceLocation(path: relative), "symbolic link loop"))
                return
            }
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return }
            for name in names.sorted() where !name.hasPrefix(".") {
                let url = dir.appendingPathComponent(name)
                let path = "\(relative)/\(name)"
                var info = stat()
                guard lstat(real + "/" + name, &info) == 0 else { continue }
                var resolved = real + "/" + name
                if (info.st_mode & S_IFMT) == S_IFLNK {
                    guard stat(resolved, &info) == 0 else {
                        diagnostics.append(.error(SourceLocation(path: path), "broken symbolic link"))
                        continue
                    }
                    resolved = url.resolvingSymlinksInPath().path
                    if !resolved.hasPrefix(rootPath + "/") && !resolved.hasPrefix(folderPath + "/") {
                        diagnostics.append(.error(SourceLocation(path: path), "symbolic link points outside the site: \(resolved)"))
                        continue
                    }
                }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    visit(url, real: resolved, path)
                case S_IFREG:
                    found.append((URL(fileURLWithPath: resolved), path))
                default:
                    // A pipe or device would block or never end; it is no content.
                    diagnostics.append(.error(SourceLocation(path: path), "not a regular file (a pipe, socket or device)"))
                }
            }
        }
        visit(folder, real: folderPath, prefix)
        return found
    }

    private func read(_ url: URL, as relative: String, into diagnostics: inout [Diagnostic]) -> SourceFile? {
        guard let bytes = Self.readBytes(url.path) else {
            diagnostics.append(.error(SourceLocation(path: relative), "cannot read the file"))
            return nil
        }
        return SourceFile(path: relative, bytes: bytes)
    }

    /// Reads many files at once: on a virtual disk each read mostly waits.
    private func readAll(_ found: [(URL, String)], into diagnostics: inout [Diagnostic]) -> [SourceFile] {
        let read = Parallel.map(found) { url, relative in Self.readBytes(url.path).map { SourceFile(path: relative, bytes: $0) } }
        for ((_, relative), file) in zip(found, read) where file == nil {
            diagnostics.append(.error(SourceLocation(path: relative), "cannot read the file"))
        }
        return read.compactMap { $0 }
    }

    /// A file's bytes, read straight into the array (no `Data` in between).
    static func readBytes(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var offset = 0
        while true {
            if offset == bytes.count { bytes.append(contentsOf: [UInt8](repeating: 0, count: 4096)) }  // it grew
            let count = bytes.withUnsafeMutableBytes { raw in Glibc.read(fd, raw.baseAddress! + offset, raw.count - offset) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            offset += count
        }
        bytes.removeSubrange(offset...)
        return bytes
    }
}
