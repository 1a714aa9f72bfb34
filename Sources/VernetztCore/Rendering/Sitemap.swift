import Foundation
import VernetztEngine
import VernetztModel

/// `sitemap.xml` (sitemaps.org 0.9): every HTML page but redirects, with absolute URLs and,
/// where the content knows it, `lastmod` (an item's `updated` or date; a list's newest item).
struct Sitemap: Sendable {
    let site: Site

    func file(pages: [String], redirects: Set<String>) -> OutputFile {
        var lastmod: [String: ContentDate] = [:]
        for (i, document) in site.documents.enumerated() {
            if let date = document.common.updated ?? document.date { lastmod[site.outputPaths[i]] = date }
        }
        for (kind, members) in site.lists {
            let dates = members.compactMap { site.documents[$0].common.updated ?? site.documents[$0].date }
            if let newest = dates.max() { lastmod[kind.urlPrefix] = newest }
        }
        var xml = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n".utf8)
        // It is made after every page, when nothing else is left to do: in parts, in parallel.
        let dates = lastmod
        let shown = pages.filter { $0.hasSuffix("index.html") && !redirects.contains($0) }
        for part in Parallel.map(Parallel.slices(shown, size: 2048), { entries($0, lastmod: dates) }) { xml += part }
        xml += "</urlset>\n".utf8
        return OutputFile(path: SitePaths.sitemap, bytes: xml)
    }

    private func entries(_ pages: ArraySlice<String>, lastmod: [String: ContentDate]) -> [UInt8] {
        var xml: [UInt8] = []
        xml.reserveCapacity(pages.count * 100)
        for page in pages {
            let folder = String(page.dropLast("index.html".count))
            xml += "<url><loc>".utf8
            XMLEscaping.escape(site.config.baseURL + folder, into: &xml)
            xml += "</loc>".utf8
            if let date = lastmod[folder] { xml += "<lastmod>\(GermanDateFormatter.iso(date))</lastmod>".utf8 }
            xml += "</url>\n".utf8
        }
        return xml
    }

    func robots() -> OutputFile {
        OutputFile(path: SitePaths.robots, text: "User-agent: *\nAllow: /\n\nSitemap: \(site.config.baseURL)\(SitePaths.sitemap)\n")
    }
}
