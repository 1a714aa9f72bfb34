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
        for (url, relative) in walk(root.appendingPathComponent("content"), prefix: "content", into: &diagnostics) {
            guard let file = read(url, as: relative, into: &diagnostics) else { continue }
            if relative.hasSuffix(".md") { content.append(file) } else { contentAssets.append(file) }
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
    private func walk(_ folder: URL, prefix: String, into diagnostics: inout [Diagnostic]) -> [(URL, String)] {
        var found: [(URL, String)] = []
        var visited = Set<String>()
        func visit(_ dir: URL, _ relative: String) {
            let real = dir.resolvingSymlinksInPath().path
            guard visited.insert(real).inserted else {
                diagnostics.append(.error(SourceLocation(path: relative), "symbolic link loop"))
                return
            }
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return }
            for name in names.sorted() where !name.hasPrefix(".") {
                let url = dir.appendingPathComponent(name)
                let path = "\(relative)/\(name)"
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                    diagnostics.append(.error(SourceLocation(path: path), "broken symbolic link"))
                    continue
                }
                let resolved = url.resolvingSymlinksInPath().path
                let rootPath = root.resolvingSymlinksInPath().path
                if !resolved.hasPrefix(rootPath + "/") && !resolved.hasPrefix(folder.resolvingSymlinksInPath().path + "/") {
                    diagnostics.append(.error(SourceLocation(path: path), "symbolic link points outside the site: \(resolved)"))
                    continue
                }
                if isDirectory.boolValue {
                    visit(url, path)
                } else if Self.isRegularFile(resolved) {
                    found.append((url, path))
                } else {
                    // A pipe or device would block or never end; it is no content.
                    diagnostics.append(.error(SourceLocation(path: path), "not a regular file (a pipe, socket or device)"))
                }
            }
        }
        visit(folder, prefix)
        return found
    }

    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    private func read(_ url: URL, as relative: String, into diagnostics: inout [Diagnostic]) -> SourceFile? {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            diagnostics.append(.error(SourceLocation(path: relative), "cannot read the file"))
            return nil
        }
        return SourceFile(path: relative, bytes: [UInt8](data))
    }
}
