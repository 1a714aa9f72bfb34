import Foundation
import VernetztEngine
import VernetztModel

/// `sitemap.xml` (sitemaps.org 0.9): every HTML page but redirects, with absolute URLs and,
/// where the content knows it, `lastmod` (an item's `updated` or date; a list's newest item).
/// The protocol allows 50,000 URLs a file: a bigger site gets `sitemap-1.xml`, `sitemap-2.xml`,
/// … and `sitemap.xml` becomes their index (what `robots.txt` names either way).
struct Sitemap: Sendable {
    let site: Site
    /// The most URLs one file may list: the protocol's 50,000 (fewer in tests).
    let limit: Int
    /// Where each page's folder was last changed, as far as the content knows.
    private let lastmod: [String: ContentDate]

    init(site: Site, limit: Int = 50_000) {
        self.site = site
        self.limit = limit
        var lastmod: [String: ContentDate] = [:]
        for (i, document) in site.documents.enumerated() {
            if let date = document.common.updated ?? document.date { lastmod[site.outputPaths[i]] = date }
        }
        for (kind, members) in site.lists {
            let dates = members.compactMap { site.documents[$0].common.updated ?? site.documents[$0].date }
            if let newest = dates.max() { lastmod[kind.urlPrefix] = newest }
        }
        self.lastmod = lastmod
    }

    /// The sitemap's files and the pages each lists: `sitemap.xml` alone, or its parts when
    /// there are more pages than one file may list (`index(of:)` is then `sitemap.xml`).
    func parts(pages: [String], redirects: Set<String>) -> [(path: String, pages: ArraySlice<String>)] {
        let shown = pages.filter { $0.hasSuffix("index.html") && !redirects.contains($0) }
        guard shown.count > limit else { return [(SitePaths.sitemap, shown[...])] }
        return Parallel.slices(shown, size: limit).enumerated().map { n, part in ("sitemap-\(n + 1).xml", part) }
    }

    /// One file of URLs.
    func file(_ path: String, pages: ArraySlice<String>) -> OutputFile {
        var xml = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n".utf8)
        // It is made after every page, when nothing else is left to do: in parts, in parallel.
        for part in Parallel.map(Parallel.slices(Array(pages), size: 2048), { entries($0) }) { xml += part }
        xml += "</urlset>\n".utf8
        return OutputFile(path: path, bytes: xml)
    }

    /// `sitemap.xml` as the index of the sitemap's parts.
    func index(of parts: [String]) -> OutputFile {
        var xml = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n".utf8)
        for part in parts {
            xml += "<sitemap><loc>".utf8
            XMLEscaping.escape(site.config.baseURL + part, into: &xml)
            xml += "</loc></sitemap>\n".utf8
        }
        xml += "</sitemapindex>\n".utf8
        return OutputFile(path: SitePaths.sitemap, bytes: xml)
    }

    private func entries(_ pages: ArraySlice<String>) -> [UInt8] {
        var xml: [UInt8] = []
        xml.reserveCapacity(pages.count * 100)
        var base: [UInt8] = []
        XMLEscaping.escape(site.config.baseURL, into: &base)
        for page in pages {
            // Every page's path ends in `index.html`: cut on the bytes, not character by character.
            let folder = String(Substring(page.utf8.dropLast("index.html".utf8.count)))
            xml += "<url><loc>".utf8
            xml += base
            XMLEscaping.escape(folder, into: &xml)
            xml += "</loc>".utf8
            if let date = lastmod[folder] {
                xml += "<lastmod>".utf8
                GermanDateFormatter.iso(date, into: &xml)
                xml += "</lastmod>".utf8
            }
            xml += "</url>\n".utf8
        }
        return xml
    }

    static func robots(_ site: Site) -> OutputFile {
        OutputFile(path: SitePaths.robots, text: "User-agent: *\nAllow: /\n\nSitemap: \(site.config.baseURL)\(SitePaths.sitemap)\n")
    }
}
