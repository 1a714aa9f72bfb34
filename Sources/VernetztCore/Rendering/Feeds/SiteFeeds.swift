import VernetztEngine
import VernetztModel

/// The site's Atom feeds: everything dated (kinds with the `feed` role), one per kind with the
/// `list_feed` role (the blog, the events), and one per item of a `topic_feed` kind (formats,
/// themes) with the dated items that refer to it. `links(for:)` names the feeds a page announces in `<head>`.
/// A class: every page job asks it for its feed links.
final class SiteFeeds: Sendable {
    let site: Site
    let entries: FeedEntryBuilder
    let keys: Fingerprints
    /// The kinds and items whose feeds the link stage planned, which pages announce.
    private let kindsWithFeed: [ContentKind]
    private let itemsWithFeed: Set<Int>
    /// Whether each kind (by index) has the `feed` role: read for every item of the site's feed.
    private let feedKinds: [Bool]

    init(site: Site, entries: FeedEntryBuilder, keys: Fingerprints) {
        self.site = site
        self.entries = entries
        self.keys = keys
        var kinds: [ContentKind] = []
        var items = Set<Int>()
        for planned in site.plan {
            switch planned.content {
            case .kindFeed(let kind): kinds.append(kind)
            case .itemFeed(let i): items.insert(i)
            default: break
            }
        }
        kindsWithFeed = kinds
        itemsWithFeed = items
        feedKinds = site.schema.kinds.map { $0.has(.feed) }
    }

    /// The feed a planned file holds: its title, folder and items; nil for other files.
    func feed(_ content: PlannedContent) -> (title: String, folder: String, items: [Int])? {
        switch content {
        case .siteFeed:
            (site.config.title, "", dated(site.documents.indices))
        case .kindFeed(let kind):
            ("\(kind.pluralTitle) – \(site.config.title)", kind.urlPrefix, site.lists[kind] ?? [])
        case .itemFeed(let i):
            ("\(site.documents[i].displayTitle) – \(site.config.title)", site.outputPaths[i], dated(site.backlinks[i]))
        default:
            nil
        }
    }

    /// A feed's key (its newest items, their authors and text) and how it is made.
    func file(title: String, folder: String, items: [Int]) -> (key: () -> Int, make: () -> OutputFile) {
        let newest = entries.newest(items, count: site.config.feedSize)
        let authors = { newest.flatMap { self.site.references[$0][self.site.documents[$0].kind.authorsField] } }
        return ({ self.keys.page(["feed", title], members: newest + authors(), bodies: newest) }, {
            self.entries.feed(title: title, folder: folder, newest: newest)
        })
    }

    private func dated(_ items: some Sequence<Int>) -> [Int] {
        items.filter { feedKinds[Int(site.kindIndices[$0])] }
    }

    /// `(title, url)` of the feeds a page at `path` links with `rel="alternate"`.
    func links(forPageAt path: String, document: Int?) -> [(title: String, url: String)] {
        var links = [(title: "\(site.config.title) (Atom)", url: site.config.baseURL + SitePaths.feed)]
        let documentKind = document.map { site.documents[$0].kind }
        for kind in kindsWithFeed where documentKind == kind || path.hasPrefix(kind.urlPrefix) {
            links.append(("\(kind.pluralTitle) (Atom)", site.config.baseURL + kind.urlPrefix + SitePaths.feed))
        }
        if let i = document, itemsWithFeed.contains(i) {
            links.append(("\(site.documents[i].displayTitle) (Atom)", site.absoluteURL(of: i) + SitePaths.feed))
        }
        return links
    }
}
