import VernetztEngine

/// Files under `content/` that a build would otherwise pass over without a word: Markdown saved
/// under another ending (`.markdown`, `.MD`, `.txt` with front matter), and files that lie
/// beside a plain `x.md` instead of in a page's own folder (where nothing publishes them).
package enum ContentFileCheck {
    static let markdownEndings = ["markdown", "mdown", "mkd", "mkdn", "mdwn"]

    /// The folders of pages with files of their own (`content/blog/x/` for `content/blog/x/index.md`).
    package static func bundleFolders(of content: [SourceFile]) -> Set<String> {
        Set(content.compactMap { file -> String? in
            file.path.hasSuffix("/index.md") ? String(file.path.dropLast("index.md".count)) : nil
        })
    }

    package static func diagnostics(_ sources: SiteSources, bundles: Set<String>) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for file in sources.contentAssets {
            let location = SourceLocation(path: file.path)
            let name = file.path.split(separator: "/").last.map(String.init) ?? file.path
            let stem = name.split(separator: ".").dropLast().joined(separator: ".")
            let ending = name.contains(".") ? String(name.split(separator: ".").last!) : ""
            let inBundle = SitePaths.folders(holding: file.path).contains(where: bundles.contains)
            if markdownEndings.contains(ending.lowercased()) || (ending.lowercased() == "md" && ending != "md")
                || (ending.lowercased() == "txt" && !inBundle && file.bytes.starts(with: Array("---".utf8))) {
                found.append(.error(location, .wrongEnding(name, rename: "\(stem).md")))
            } else if !inBundle {
                let folder = file.path.split(separator: "/").dropLast().joined(separator: "/")
                found.append(.error(location, .fileBesidePlainPage(name, folder: folder)))
            }
        }
        return found
    }
}
