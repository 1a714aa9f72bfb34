import Foundation
import VernetztEngine

/// The load stage: walks the site root and reads every file the build needs, in a stable order.
public struct SiteLoader: Sendable {
    public var root: URL
    public var layouts: URL
    /// Files of the last load to keep where unchanged (serve).
    public var cache: SourceCache?
    /// The output folder: a link into it (or its staging folder) would copy the site into itself.
    public var output: URL?
    /// Markdown files the last build read (its `BuildState`): path → the stamp it read each
    /// with and the hash of its bytes. A file with the same stamp now is not read again.
    public var known: [String: (stamp: Int, contentHash: Int)] = [:]
    /// Leave the other Markdown files for the parse stage to read (`SourceFile.read()`), each
    /// just before it is parsed: a site of 100,000 posts (860 MB of text) never holds all its text.
    public var defersMarkdown = false

    public init(root: URL, layouts: URL? = nil, cache: SourceCache? = nil, output: URL? = nil) {
        self.root = root.standardizedFileURL
        self.layouts = (layouts ?? root.appendingPathComponent("layouts")).standardizedFileURL
        self.cache = cache
        self.output = output
    }

    public func load() throws(BuildFailure) -> SiteSources {
        var diagnostics: [Diagnostic] = []
        cache?.begin()
        let configURL = root.appendingPathComponent("site.yml")
        var configInfo = stat()
        let config = stat(configURL.path, &configInfo) == 0
            ? readAll([(configURL.path, "site.yml", configInfo)], into: &diagnostics).first : nil

        var content: [SourceFile] = []
        var contentAssets: [SourceFile] = []
        for file in readAll(walk(root.appendingPathComponent("content"), prefix: "content", into: &diagnostics), into: &diagnostics) {
            if file.path.hasSuffix(".md") { content.append(file) } else { contentAssets.append(file) }
        }

        let layoutsPrefix = relativeName(of: layouts)
        var layoutFiles: [SourceFile] = []
        var layoutAssets: [SourceFile] = []
        var schema: SourceFile?
        let schemaPath = layoutsPrefix + "/" + SchemaFile.name
        var newTemplates: [SourceFile] = []
        let layoutEntries = walk(layouts, prefix: layoutsPrefix, into: &diagnostics).filter { _, relative, _ in
            let inner = relative.dropFirst(layoutsPrefix.count + 1)
            return inner.hasPrefix("assets/") || relative.hasSuffix(".mustache") || relative == schemaPath
                || (inner.hasPrefix("new/") && inner.hasSuffix(".md"))
        }
        for file in readAll(layoutEntries, into: &diagnostics) {
            if file.path == schemaPath { schema = file }
            else if file.path.dropFirst(layoutsPrefix.count + 1).hasPrefix("new/") { newTemplates.append(file) }
            else if file.path.dropFirst(layoutsPrefix.count + 1).hasPrefix("assets/") { layoutAssets.append(file) } else { layoutFiles.append(file) }
        }
        let staticFiles = readAll(walk(root.appendingPathComponent("static"), prefix: "static", keepsHidden: true, into: &diagnostics), into: &diagnostics)
        if diagnostics.contains(where: \.isError) { throw BuildFailure(diagnostics) }
        cache?.keep(only: Set(([config, schema].compactMap { $0 } + content + contentAssets + layoutFiles + layoutAssets + staticFiles + newTemplates).map(\.path)))
        var sources = SiteSources(config: config, content: content, contentAssets: contentAssets,
                                  layouts: layoutFiles, layoutsPrefix: layoutsPrefix,
                                  layoutAssets: layoutAssets, staticFiles: staticFiles, schema: schema)
        sources.newTemplates = newTemplates
        return sources
    }

    /// `previous` with the Markdown files at the absolute paths in `changed` read again; nil
    /// when anything else changed (a file added, removed or replaced by a link, a layout,
    /// site.yml), which a full `load` must see.
    public func update(_ previous: SiteSources, changed: Set<String>) -> SiteSources? {
        let content = root.path + "/content/"
        var sources = previous
        cache?.begin()
        for path in changed {
            guard path.hasPrefix(content), path.hasSuffix(".md") else { return nil }
            let relative = String(path.dropFirst(root.path.count + 1))
            var info = stat()
            guard let i = sources.content.firstIndex(where: { $0.path == relative }),
                  lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            guard let file = cache?.file(at: path, as: relative, info: info)
                    ?? FileBytes.read(path).map({ SourceFile(path: relative, bytes: $0) }) else { return nil }
            sources.content[i] = file
        }
        return sources
    }

    /// The layouts folder relative to the root when it lies inside it, else its absolute path.
    private func relativeName(of folder: URL) -> String {
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        if folder.path.hasPrefix(rootPath) { return String(folder.path.dropFirst(rootPath.count)) }
        return folder.path
    }

    /// What `static/` never publishes, though it copies other hidden files (`.well-known/`,
    /// `.nojekyll`, `.htaccess`): version control and desktop clutter.
    static let skippedHiddenNames: Set<String> = [".DS_Store", ".git", ".svn", ".hg", ".gitkeep"]

    /// An editor's backup or lock file (`x.md~`, `#x.md#`): never content, skipped quietly.
    static func isEditorBackup(_ name: String) -> Bool {
        name.hasSuffix("~") || (name.hasPrefix("#") && name.hasSuffix("#") && name.count > 1)
    }

    /// Regular files below `folder`, sorted by path; hidden files (unless `keepsHidden`) and
    /// links that leave the folder are skipped.
    /// Only symbolic links are resolved: every other entry's real path is its folder's plus its name.
    private func walk(_ folder: URL, prefix: String, keepsHidden: Bool = false, into diagnostics: inout [Diagnostic]) -> [(String, String, stat)] {
        var found: [(String, String, stat)] = []
        var visited = Set<String>()
        let rootPath = root.resolvingSymlinksInPath().path
        let folderPath = folder.resolvingSymlinksInPath().path
        let outputPaths = output.map { output -> [String] in
            let real = StagingFolder.throughLink(output).resolvingSymlinksInPath()
            return [real.path, StagingFolder.location(for: real).path]
        } ?? []
        func visit(_ real: String, _ relative: String) {
            guard visited.insert(real).inserted else {
                diagnostics.append(.error(SourceLocation(path: relative), .symbolicLinkLoop))
                return
            }
            // Each with what `lstat` says of it, asked on the open folder (one name per file for
            // the kernel to walk); in byte order: stable everywhere, and quick for thousands.
            var names: [String] = []
            var infos: [stat] = []
            FileStamp.entries(of: real) { names.append($0); infos.append($1) }
            // The places are sorted, not the entries: an entry moved carries its 144-byte `stat`.
            let order = names.withUnsafeBufferPointer { names in
                Array(names.indices).sorted { ByteOrder.precedes(names[$0], names[$1]) }
            }
            for (name, entry) in order.lazy.map({ (names[$0], infos[$0]) })
            where (!name.hasPrefix(".") || (keepsHidden && !Self.skippedHiddenNames.contains(name))) && !Self.isEditorBackup(name) {
                let path = relative + "/" + name
                // A name the output path would carry: control characters have no place in a URL.
                if let character = ControlCharacters.first(in: name, allowingSpaces: true) {
                    diagnostics.append(.error(SourceLocation(path: path), .fileNameCharacter(character)))
                    continue
                }
                var resolved = real + "/" + name
                var info = entry
                if (info.st_mode & S_IFMT) == S_IFLNK {
                    guard stat(resolved, &info) == 0 else {
                        diagnostics.append(.error(SourceLocation(path: path), .brokenSymbolicLink))
                        continue
                    }
                    resolved = URL(fileURLWithPath: resolved).resolvingSymlinksInPath().path
                    if !resolved.hasPrefix(rootPath + "/") && !resolved.hasPrefix(folderPath + "/") {
                        diagnostics.append(.error(SourceLocation(path: path), .symbolicLinkOutside(resolved)))
                        continue
                    }
                    if let built = outputPaths.first(where: { resolved == $0 || resolved.hasPrefix($0 + "/") }) {
                        diagnostics.append(.error(SourceLocation(path: path), .symbolicLinkIntoOutput(built)))
                        continue
                    }
                }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    visit(resolved, path)
                case S_IFREG:
                    found.append((resolved, path, info))
                default:
                    // A pipe or device would block or never end; it is no content.
                    diagnostics.append(.error(SourceLocation(path: path), .notRegularFile))
                }
            }
        }
        visit(folderPath, prefix)
        return found
    }

    /// Reads many files at once: on a virtual disk each read mostly waits.
    private func readAll(_ found: [(String, String, stat)], into diagnostics: inout [Diagnostic]) -> [SourceFile] {
        let now = time(nil)
        let read = Parallel.map(found) { path, relative, info in
            if let type = PictureType(path: relative), type.isRaster { return Optional(SourceFile(path: relative, diskPath: path, info: info)) }
            if let cache { return cache.file(at: path, as: relative, info: info) }
            guard relative.hasSuffix(".md") else { return FileBytes.read(path).map { SourceFile(path: relative, bytes: $0) } }
            let stamp = SourceFile.stamp(of: info, now: now)
            if stamp != 0, let known = known[relative], known.stamp == stamp {
                return SourceFile(path: relative, diskPath: path, contentHash: known.contentHash, stamp: stamp)
            }
            // (`layouts/new/*.md` are read here: they are no content, but what content is checked against.)
            if defersMarkdown && relative.hasPrefix("content/") { return SourceFile(path: relative, unreadAt: path, stamp: stamp) }
            var file = FileBytes.read(path).map { SourceFile(path: relative, bytes: $0) }
            file?.stamp = stamp
            return file
        }
        for ((_, relative, _), file) in zip(found, read) where file == nil {
            diagnostics.append(.error(SourceLocation(path: relative), .unreadable))
        }
        return read.compactMap { $0 }
    }
}
