/// Files copied unchanged: the theme's `layouts/assets/` to `/assets/`, `static/` to the root,
/// and the files beside a bundle's `index.md` next to its page.
enum AssetPlan {
    static func files(site: Site, sources: SiteSources) -> [OutputFile] {
        var files: [OutputFile] = []
        let assetsPrefix = sources.layoutsPrefix + "/assets/"
        for asset in sources.layoutAssets {
            files.append(OutputFile(path: "assets/" + asset.path.dropFirst(assetsPrefix.count), bytes: asset.bytes))
        }
        for file in sources.staticFiles {
            files.append(OutputFile(path: String(file.path.dropFirst("static/".count)), bytes: file.bytes))
        }
        var bundles: [String: Int] = [:]
        for (i, document) in site.documents.enumerated() {
            if let folder = document.bundleFolder { bundles[folder + "/"] = i }
        }
        for asset in sources.contentAssets {
            guard let (folder, i) = bundles.first(where: { asset.path.hasPrefix($0.key) }) else { continue }
            files.append(OutputFile(path: site.outputPaths[i] + asset.path.dropFirst(folder.count), bytes: asset.bytes))
        }
        return files
    }
}
