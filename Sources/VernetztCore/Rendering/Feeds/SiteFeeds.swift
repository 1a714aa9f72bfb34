import VernetztEngine
import VernetztModel

/// The site's Atom feeds: everything dated (kinds with the `feed` role), one per kind with the
/// `list_feed` role (the blog, the events), and one per item of a `topic_feed` kind (formats,
/// themes) with the dated items that refer to it. `links(for:)` names the feeds a page announces in `<head>`.
/// A class: every page job asks it for its feed links.
final class SiteFeeds: Sendable {
    let site: Site
    let entries: FeedEntryBuilder
    let cache: RenderCache?
    let keys: Fingerprints

    init(site: Site, entries: FeedEntryBuilder, cache: RenderCache?, keys: Fingerprints) {
        self.site = site
        self.entries = entries
        self.cache = cache
        self.keys = keys
    }

    func jobs() -> [PageJob] {
        var files = [feed(title: site.config.title, folder: "", items: dated(site.documents.indices))]
        for kind in site.schema.kinds where kind.has(.listFeed) && !(site.lists[kind] ?? []).isEmpty {
            files.append(feed(title: "\(kind.pluralTitle) – \(site.config.title)", folder: kind.urlPrefix,
                              items: site.lists[kind] ?? []))
        }
        for i in site.documents.indices where hasOwnFeed(i) {
            files.append(feed(title: "\(site.documents[i].displayTitle) – \(site.config.title)",
                              folder: site.outputPaths[i], items: dated(site.backlinks[i])))
        }
        return files
    }

    private func feed(title: String, folder: String, items: [Int]) -> PageJob {
        let newest = entries.newestFirst(items).prefix(site.config.feedSize)
        return { [self] in cache.file(folder + SitePaths.feed, key: keys.page(["feed", title], members: newest + newest.flatMap { site.references[$0][site.documents[$0].kind.authorsField] }, bodies: newest)) {
            entries.feed(title: title, folder: folder, items: Array(newest))
        } }
    }

    /// Formats and themes that something dated refers to have a feed of their own.
    func hasOwnFeed(_ i: Int) -> Bool {
        site.documents[i].kind.has(.topicFeed) && !dated(site.backlinks[i]).isEmpty
    }

    private func dated(_ items: some Sequence<Int>) -> [Int] {
        items.filter { site.documents[$0].kind.has(.feed) }
    }

    /// `(title, url)` of the feeds a page at `path` links with `rel="alternate"`.
    func links(forPageAt path: String, document: Int?) -> [(title: String, url: String)] {
        var links = [(title: "\(site.config.title) (Atom)", url: site.config.baseURL + SitePaths.feed)]
        let documentKind = document.map { site.documents[$0].kind }
        for kind in site.schema.kinds where kind.has(.listFeed) && !(site.lists[kind] ?? []).isEmpty
        && (documentKind == kind || path.hasPrefix(kind.urlPrefix)) {
            links.append(("\(kind.pluralTitle) (Atom)", site.config.baseURL + kind.urlPrefix + SitePaths.feed))
        }
        if let i = document, hasOwnFeed(i) {
            links.append(("\(site.documents[i].displayTitle) (Atom)", site.absoluteURL(of: i) + SitePaths.feed))
        }
        return links
    }
}
