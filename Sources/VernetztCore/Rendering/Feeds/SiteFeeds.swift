/// The site's Atom feeds: everything dated, the blog, the events, and one per format and theme
/// with the items that refer to it. `links(for:)` names the feeds a page announces in `<head>`.
/// A class: every page job asks it for its feed links.
final class SiteFeeds {
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

    static let datedKinds: Set<ContentKind> = [.post, .caseStudy, .event]

    func jobs() -> [PageJob] {
        var files = [feed(title: site.config.title, folder: "", items: dated(site.documents.indices))]
        for kind in [ContentKind.post, .event] where !(site.lists[kind] ?? []).isEmpty {
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
        return { [self] in cache.file(folder + SitePaths.feed, key: keys.page(["feed", title], members: newest + newest.flatMap { site.references[$0]["authors"] ?? [] }, bodies: newest)) {
            entries.feed(title: title, folder: folder, items: Array(newest))
        } }
    }

    /// Formats and themes that something dated refers to have a feed of their own.
    func hasOwnFeed(_ i: Int) -> Bool {
        [.format, .theme].contains(site.documents[i].kind) && !dated(site.backlinks[i]).isEmpty
    }

    private func dated(_ items: some Sequence<Int>) -> [Int] {
        items.filter { Self.datedKinds.contains(site.documents[$0].kind) }
    }

    /// `(title, url)` of the feeds a page at `path` links with `rel="alternate"`.
    func links(forPageAt path: String, document: Int?) -> [(title: String, url: String)] {
        var links = [(title: "\(site.config.title) (Atom)", url: site.config.baseURL + SitePaths.feed)]
        let kind = document.map { site.documents[$0].kind }
        if kind == .post || path.hasPrefix(ContentKind.post.urlPrefix), !(site.lists[.post] ?? []).isEmpty {
            links.append(("Blog (Atom)", site.config.baseURL + ContentKind.post.urlPrefix + SitePaths.feed))
        }
        if kind == .event || path.hasPrefix(ContentKind.event.urlPrefix), !(site.lists[.event] ?? []).isEmpty {
            links.append(("Veranstaltungen (Atom)", site.config.baseURL + ContentKind.event.urlPrefix + SitePaths.feed))
        }
        if let i = document, hasOwnFeed(i) {
            links.append(("\(site.documents[i].displayTitle) (Atom)", site.absoluteURL(of: i) + SitePaths.feed))
        }
        return links
    }
}
