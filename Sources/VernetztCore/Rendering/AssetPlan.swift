import VernetztEngine
import VernetztModel

/// Files copied unchanged: the theme's `layouts/assets/` to `/assets/`, `static/` to the root,
/// and the files beside a bundle's `index.md` next to its page. The link stage claims their
/// output paths (`paths`), so that a page or an alias onto one is found before anything is written.
package enum AssetPlan {
    /// Each copied file's output path and the source it comes from, in `sources`' order:
    /// layout assets, static files, then bundle files. Output paths are composed (NFC), as the
    /// links to them are: a file named on macOS holds „ä“ as „a“ and a combining mark, and a
    /// web server compares bytes (`Präsentation.pdf` was published under a name no link reached).
    static func paths(outputPaths: [String], bundleFolders: [String?], sources: SiteSources) -> [(output: String, source: SourceFile)] {
        var files: [(String, SourceFile)] = []
        func add(_ output: String, _ source: SourceFile) { files.append((UnicodeComposition.composed(output), source)) }
        let assetsPrefix = sources.layoutsPrefix + "/assets/"
        for asset in sources.layoutAssets {
            add(SitePaths.assets + asset.path.dropFirst(assetsPrefix.count), asset)
        }
        for file in sources.staticFiles {
            add(String(file.path.dropFirst("static/".count)), file)
        }
        var bundles: [String: Int] = [:]
        for (i, folder) in bundleFolders.enumerated() {
            if let folder { bundles[folder + "/"] = i }
        }
        for asset in sources.contentAssets {
            guard let folder = SitePaths.folders(holding: asset.path).first(where: { bundles[$0] != nil }), let i = bundles[folder] else { continue }
            add(outputPaths[i] + asset.path.dropFirst(folder.count), asset)
        }
        return files
    }
}
