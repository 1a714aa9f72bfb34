import Foundation
import VernetztEngine
import VernetztModel

/// Checks, once the output is known, that every path a body links to (`/blog/`, `bild.png`,
/// `../x/#ablauf`, `#ziel`) is a file of the site, and that a `#fragment` on an item's page
/// is one of its headings. Reported at the link's position, like every other error.
struct LocalLinkCheck {
    let site: Site
    let files: Set<String>
    /// Item pages by output folder, to check fragments against their headings.
    let pages: [String: Int]
    /// The menus' paths into the site (`/angebote/`), checked like links in bodies.
    let menuLinks: [MarkdownLink]

    /// The files are the plan's (without the pictures, of which only what is made is written),
    /// the sitemap, and `made`: what the picture stage writes.
    init(site: Site, made: [String]) {
        self.site = site
        menuLinks = (site.config.menu + site.config.footerMenu).filter { $0.url.hasPrefix("/") }
            .map { MarkdownLink(raw: $0.url, location: $0.location) }
        // Most sites link only with `@`: then there is nothing to look up.
        guard site.documents.contains(where: { !$0.localLinks.isEmpty }) || !menuLinks.isEmpty else {
            self.files = []
            self.pages = [:]
            return
        }
        var files = Set(made + [SitePaths.sitemap])
        for planned in site.plan {
            if case .pictureSource = planned.content { continue }
            files.insert(planned.path)
        }
        self.files = files
        var pages: [String: Int] = [:]
        for (i, path) in site.outputPaths.enumerated() { pages[path] = i }
        self.pages = pages
    }

    func diagnostics() -> [Diagnostic] {
        site.documents.indices.flatMap { i in
            site.documents[i].localLinks.compactMap { check($0, from: site.outputPaths[i]) }
        } + menuLinks.compactMap { check($0, from: "") }
    }

    private func check(_ link: MarkdownLink, from folder: String) -> Diagnostic? {
        var target = Substring(link.raw)
        var fragment: Substring?
        if let hash = target.firstIndex(of: "#") {
            fragment = target[target.index(after: hash)...]
            target = target[..<hash]
        }
        if let query = target.firstIndex(of: "?") { target = target[..<query] }
        let decoded = String(target).removingPercentEncoding ?? String(target)
        guard let folder = resolve(decoded, from: folder) else {
            return .error(link.location, .linkOutside(link.raw))
        }
        let file = folder.isEmpty || folder.hasSuffix("/") ? folder + "index.html" : folder
        let page: String?
        if link.isImage, site.sourceOfOutput[folder] != nil {
            return nil  // a picture the picture stage made sizes of
        } else if files.contains(file) {
            page = file.hasSuffix("index.html") ? String(file.dropLast("index.html".count)) : nil
        } else if files.contains(folder + "/index.html") {
            page = folder + "/"
        } else if link.isImage {
            let name = String(folder.split(separator: "/").last ?? "")
            let parent = folder.hasSuffix(name) ? String(folder.dropLast(name.count)) : ""
            let beside = files.union(site.sourceOfOutput.keys).filter { $0.hasPrefix(parent) && !$0.dropFirst(parent.count).contains("/") }.map { String($0.dropFirst(parent.count)) }
            return .error(link.location, .missingPicture(link.raw, file: folder, besides: beside.filter { !$0.hasSuffix(".html") }))
        } else if let source = site.sourceOfOutput[folder], source.hasPrefix("content/") {
            return .error(link.location, .linkToPicture(link.raw))
        } else {
            return .error(link.location, .brokenLink(link.raw, path: folder))
        }
        guard let fragment, !fragment.isEmpty, let page, let target = pages[page] else { return nil }
        let headings = site.documents[target].body.headingIDs
        if headings.contains(String(fragment)) { return nil }
        return .error(link.location, .noHeading(String(fragment), onPage: page, headings: headings))
    }

    private func resolve(_ path: String, from folder: String) -> String? {
        LocalPath.outputPath(of: path, from: folder, basePath: site.config.basePath)
    }
}
