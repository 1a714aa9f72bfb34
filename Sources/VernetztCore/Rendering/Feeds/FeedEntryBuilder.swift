import Foundation
import VernetztEngine
import VernetztModel

/// Turns documents into Atom entries: full HTML with absolute links, authors, tags, and for
/// events the date and place in the summary.
struct FeedEntryBuilder: Sendable {
    let site: Site
    let bodies: BodyStore
    /// Each item's `<entry>`, made once: the newest items are in most feeds.
    private let entries: LazySlots<(updated: Date, xml: [UInt8])>
    /// Each item's date, read once: sorting by reading it from the document would copy the
    /// document's fields at every comparison.
    private let dates: [Date]

    init(site: Site, bodies: BodyStore) {
        self.site = site
        self.bodies = bodies
        entries = LazySlots(count: site.documents.count)
        dates = site.documents.map { $0.date?.instant ?? .distantPast }
    }

    func entry(_ i: Int) -> AtomEntry {
        let document = site.documents[i]
        let date = document.date?.instant ?? Date(timeIntervalSince1970: 0)
        var summary = document.common.summary
        var published: Date? = date
        if let event = document.kind.event {
            var facts: [String] = []
            if let start = document.fields.date(event.start) {
                facts.append(EventDateFormatter.when(start: start, end: document.fields.date(event.end)))
            }
            if let place = document.fields.bool(event.online) ? "online" : EventPlace(document.fields, role: event)?.fullLine {
                facts.append(place)
            }
            summary = (facts + [summary].compactMap { $0 }).joined(separator: " · ")
            published = nil  // an event's date is when it happens, not when it was announced
        }
        let categories = document.fields.texts(document.kind.tagsField)
        let authors = site.references[i][document.kind.authorsField].map { (site.documents[$0].displayTitle, Optional(site.absoluteURL(of: $0))) }
        return AtomEntry(id: site.absoluteURL(of: i), title: document.displayTitle, url: site.absoluteURL(of: i),
                         updated: document.common.updated?.instant ?? date, published: published, summary: summary,
                         contentHTML: AbsoluteLinks.rewrite(bodies.htmlBytes(i), pageURL: site.absoluteURL(of: i), origin: site.config.origin),
                         authors: authors, categories: categories)
    }

    /// The `count` newest of `items`, newest first, without sorting all of them.
    func newest(_ items: [Int], count: Int) -> [Int] {
        items.firstSorted(count, by: isNewer)
    }

    /// Newer first; of equal dates, the first in the site's order.
    private func isNewer(_ a: Int, than b: Int) -> Bool {
        dates[a] != dates[b] ? dates[a] > dates[b] : a < b
    }

    /// A feed of `newest`, the items `newest(_:count:)` picked, in that order.
    func feed(title: String, folder: String, newest: [Int]) -> OutputFile {
        let url = site.config.baseURL + folder + SitePaths.feed
        let feed = AtomFeed(id: url, title: title, selfURL: url, pageURL: site.config.baseURL + folder,
                            language: site.config.language, authorName: site.config.title,
                            entries: newest.map { i in
                                entries.value(i) { let entry = entry(i); return (entry.updated, entry.xml()) }
                            })
        return OutputFile(path: folder + SitePaths.feed, bytes: feed.xml())
    }
}
