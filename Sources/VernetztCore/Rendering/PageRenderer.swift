import VernetztEngine
import VernetztModel

/// The render stage: Markdown bodies to HTML, then every page through its layout, in parallel;
/// plus lists, tags, events, feeds, sitemap, robots.txt, the 404 and search pages, alias
/// redirects and copied assets.
public struct PageRenderer: Sendable {
    public var layouts: LayoutLibrary
    /// Whether the search index will be built, so that pages are marked up for it.
    public var searchReady: Bool
    /// Pages of an earlier build to reuse where nothing they show changed (serve).
    public var cache: RenderCache?
    /// A hash of the site-wide inputs (site.yml, layouts): any change renders everything.
    public var globalKey: Int
    /// Leave what rendering made (teasers, feeds, list jobs) to the exit of the process.
    public var leavesMemoryToExit = false
    /// For bodies left in the build state's log that cannot be read back.
    var bodyRepair: BodyRepair?

    public init(layouts: LayoutLibrary, searchReady: Bool = false, cache: RenderCache? = nil, globalKey: Int = 0) {
        self.layouts = layouts
        self.searchReady = searchReady
        self.cache = cache
        var hasher = StableHasher()
        hasher.combine(globalKey)
        hasher.combine(searchReady)
        self.globalKey = hasher.finalize()
    }

    /// The layouts this site needs; checked before any rendering starts.
    public func neededLayouts(for site: Site) -> [(name: String, reason: Message.Phrase)] {
        typealias Phrase = Message.Phrase
        var needed: [(String, Phrase)] = [("home", Phrase(de: "die Startseite", en: "the home page")),
                                          ("base", Phrase(de: "der Rahmen jeder Seite", en: "the page frame")),
                                          ("404", Phrase(de: "die Seite für Adressen, die es nicht gibt", en: "the page for addresses that do not exist"))]
        let kinds = Set(site.documents.filter { !$0.isHome }.map(\.kind))
        for kind in site.schema.kinds where kinds.contains(kind) && layouts.layout(for: kind) == nil {
            needed.append((kind.layoutName, Phrase(de: "Einträge in \(kind.folder)/ brauchen „\(kind.layoutName)“ oder „single“",
                                                   en: "\(kind.folder)/ items need '\(kind.layoutName)' or 'single'")))
        }
        if kinds.contains(where: \.hasListPage) { needed.append(("list", Phrase(de: "die Listenseiten jeder Art", en: "the list pages of each kind"))) }
        if site.plan.contains(where: { if case .alias = $0.content { true } else { false } }) {
            needed.append(("redirect", Phrase(de: "die Seiten, die von „aliases“ weiterleiten", en: "the pages that redirect from 'aliases'")))
        }
        if site.embeds.contains(where: { !$0.isEmpty }) {
            let folder = site.schema.kinds.first { $0.quote != nil }?.folder ?? "…"
            needed.append(("partials/quote", Phrase(de: "mit ![](@\(folder)/…) eingebettete Stimmen", en: "testimonials embedded with ![](@\(folder)/…)")))
        }
        if site.config.search { needed.append(("search", Phrase(de: "die Suchseite („search: true“ in site.yml)", en: "the search page ('search: true' in site.yml)"))) }
        return needed
    }

    /// Every file of the site as the link stage planned it, each passed through `store` as
    /// soon as it is made: a build writes it there and keeps only its path, so the whole site
    /// is never held in memory. The sitemap, which lists every page, is made from the plan.
    public func render(_ site: Site, sources: SiteSources, store: @Sendable (OutputFile) -> OutputFile = { $0 }) -> [OutputFile] {
        cache?.begin()
        let keys = Fingerprints(site: site, global: globalKey, forCache: cache != nil)
        let bodies = BodyStore(site: site, layouts: layouts, cache: cache, keys: keys, repair: bodyRepair)
        let models = ViewModelBuilder(site: site, bodies: bodies)
        let frame = PageFrame(site: site, searchReady: searchReady)
        let structured = StructuredData(site: site)
        let feeds = SiteFeeds(site: site, entries: FeedEntryBuilder(site: site, bodies: bodies), keys: keys)
        let shared = RenderContext(site: site, models: models, frame: frame, structured: structured, feeds: feeds,
                                   layouts: layouts, cache: cache, keys: keys)
        let writer = PlannedFileWriter(shared: shared, searchReady: searchReady, sources: sources)

        // Item pages come first in the plan and are handed out from the front, lists and
        // feeds (spread over many folders) from the back. Every file goes where the plan put
        // it, so the sitemap is made from the plan's paths as one more job at the back, beside
        // the pages rather than after them all (with one core waiting).
        let plan = site.plan.filter { if case .pictureSource = $0.content { false } else { true } }
        let paths = plan.map(\.path)
        let jobs = Parallel.mapFromBothEnds(count: plan.count + 1) { k -> Job in
            k < plan.count ? .page(store(writer.file(plan[k])))
                           : sitemap(of: site, plan: plan, paths: paths, keys: keys, store: store)
        }
        if leavesMemoryToExit { LeftToExit.keep(shared) }
        var made: [OutputFile] = []
        made.reserveCapacity(plan.count)
        var order: [Int] = []
        var maps: [OutputFile] = []
        for job in jobs {
            switch job {
            case .page(let file): made.append(file)
            case .sitemap(let sorted, let files): (order, maps) = (sorted, files)
            }
        }
        var files = order.map { made[$0] }
        for map in maps {
            files.insert(map, at: files.firstIndex { !ByteOrder.precedes($0.path, map.path) } ?? files.count)
        }
        return files
    }

    /// What a job of the render stage made: a page, or the sitemap's files with the order of
    /// the plan's paths that every file is listed in.
    private enum Job: Sendable {
        case page(OutputFile)
        case sitemap(order: [Int], files: [OutputFile])
    }

    /// The sitemap of the planned pages (copied assets are files, not pages), in path order.
    private func sitemap(of site: Site, plan: [PlannedFile], paths: [String], keys: Fingerprints,
                         store: @Sendable (OutputFile) -> OutputFile) -> Job {
        let order = cache?.sortedOrder(of: paths) ?? RenderCache.sortedOrder(of: paths)
        var copied = Set<String>()
        var redirects = Set<String>()
        for planned in plan {
            switch planned.content {
            case .asset: copied.insert(planned.path)
            case .alias: redirects.insert(planned.path)
            default: break
            }
        }
        let pages = order.map { paths[$0] }.filter { !copied.contains($0) }
        let sitemap = Sitemap(site: site)
        let key = keys.sitemap(pages: pages, redirects: redirects)
        let parts = sitemap.parts(pages: pages, redirects: redirects)
        var maps = parts.enumerated().map { n, part in
            var hasher = StableHasher()
            hasher.combine(key)
            hasher.combine(n)
            return store(cache.file(part.path, key: hasher.finalize()) { sitemap.file(part.path, pages: part.pages) })
        }
        if parts.count > 1 { maps.append(store(cache.file(SitePaths.sitemap, key: key) { sitemap.index(of: parts.map(\.path)) })) }
        return .sitemap(order: order, files: maps)
    }
}
