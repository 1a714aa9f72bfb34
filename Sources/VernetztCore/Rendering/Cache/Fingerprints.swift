import VernetztEngine
import VernetztModel

/// Keys that change whenever what a page shows can change. A document's key covers its file's
/// bytes, its URL and its state (past, draft, …); a page's key covers the keys of every
/// document it shows, its own links, and the site-wide inputs (site.yml, layouts). Stable
/// across runs (`StableHasher`): a build compares them with the keys the last one kept on disk.
final class Fingerprints: Sendable {
    let site: Site
    let global: Int
    /// Each document's key: its file, URL and state; and a key of where its `@` links lead.
    /// Empty without a cache, which asks for no key.
    private let documentKeys: [Int]
    private let linkKeys: [Int]

    init(site: Site, global: Int, forCache: Bool) {
        self.site = site
        // Every page shows the menus, whose `@` entries lead to items that may move.
        var globalHasher = StableHasher()
        globalHasher.combine(global)
        for item in site.menu + site.footerMenu {
            globalHasher.combine(item.title)
            globalHasher.combine(item.url)
        }
        self.global = globalHasher.finalize()
        guard forCache else {
            documentKeys = []
            linkKeys = []
            return
        }
        let visibility = Visibility(now: site.now)
        let keys = Parallel.map(Array(site.documents.indices)) { i -> (document: Int, links: Int) in
            let links = Self.unordered(site.resolvedLinks[i])
            var hasher = StableHasher()
            hasher.combine(site.documents[i].fingerprint)
            hasher.combine(site.outputPaths[i])
            hasher.combine((site.endOfEvent(i) ?? .distantFuture) <= site.now)
            hasher.combine(visibility.state(of: site.documents[i]).rawValue as String)
            // A quote's text, shown in lists, holds links whose targets may move.
            hasher.combine(links)
            return (hasher.finalize(), links)
        }
        documentKeys = keys.map(\.document)
        linkKeys = keys.map(\.links)
    }

    func document(_ i: Int) -> Int { documentKeys[i] }

    /// A page showing `members` (in order), told apart from others by `extra`; `bodies` are
    /// the members whose full text it shows (feeds, the home page's own text).
    func page(_ extra: [String], members: some Sequence<Int>, bodies: some Sequence<Int> = [Int]()) -> Int {
        var hasher = StableHasher()
        hasher.combine(global)
        hasher.combine(extra)
        for i in members { hasher.combine(document(i)) }
        for i in bodies { hasher.combine(body(i)) }
        return hasher.finalize()
    }

    /// An item's own page: itself, everything it refers to and everything that refers to it.
    func item(_ i: Int) -> Int {
        var hasher = StableHasher()
        hasher.combine(page(["item"], members: [i] + site.backlinks[i] + site.related[i]))
        var references = site.references[i].fields.count
        for (field, targets) in site.references[i].fields {
            var entry = StableHasher()
            entry.combine(field.name)
            for target in targets { entry.combine(document(target)) }
            references &+= entry.finalize()
        }
        hasher.combine(references)
        hasher.combine(body(i))
        return hasher.finalize()
    }

    /// The sitemap: the pages (and which are redirects), and the dates it gives them (an
    /// item's `updated` or date) — not the items' text, which the sitemap does not show.
    func sitemap(pages: [String], redirects: Set<String>) -> Int {
        var hasher = StableHasher()
        hasher.combine(global)
        hasher.combine(pages)
        hasher.combine(redirects.sorted())
        for (i, document) in site.documents.enumerated() {
            hasher.combine(site.outputPaths[i])
            hasher.combine((document.common.updated ?? document.date)?.instant ?? .distantPast)
        }
        return hasher.finalize()
    }

    /// A body's HTML: its file, where its links lead, and what it embeds.
    func body(_ i: Int) -> Int {
        var hasher = StableHasher()
        hasher.combine(site.documents[i].fingerprint)
        hasher.combine(linkKeys[i])
        var embeds = site.embeds[i].count
        for (written, target) in site.embeds[i] { embeds &+= Self.entry(written, document(target)) }
        hasher.combine(embeds)
        return hasher.finalize()
    }

    /// A hash of a dictionary that does not depend on its order, with no sorting: the sum of
    /// its entries' hashes.
    static func unordered(_ entries: [String: String]) -> Int {
        var sum = entries.count
        for (key, value) in entries {
            var hasher = StableHasher()
            hasher.combine(key)
            hasher.combine(value)
            sum &+= hasher.finalize()
        }
        return sum
    }

    private static func entry(_ key: String, _ value: Int) -> Int {
        var hasher = StableHasher()
        hasher.combine(key)
        hasher.combine(value)
        return hasher.finalize()
    }
}
