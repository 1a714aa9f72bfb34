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

    public init(layouts: LayoutLibrary, searchReady: Bool = false, cache: RenderCache? = nil, globalKey: Int = 0) {
        self.layouts = layouts
        self.searchReady = searchReady
        self.cache = cache
        var hasher = Hasher()
        hasher.combine(globalKey)
        hasher.combine(searchReady)
        self.globalKey = hasher.finalize()
    }

    /// The layouts this site needs; checked before any rendering starts.
    public func neededLayouts(for site: Site) -> [(name: String, reason: String)] {
        var needed: [(String, String)] = [("home", "the home page"), ("base", "the page frame"),
                                          ("404", "the page for addresses that do not exist")]
        let kinds = Set(site.documents.filter { !$0.isHome }.map(\.kind))
        for kind in site.schema.kinds where kinds.contains(kind) && layouts.layout(for: kind) == nil {
            needed.append((kind.layoutName, "\(kind.folder)/ items need '\(kind.layoutName)' or 'single'"))
        }
        if kinds.contains(where: \.hasListPage) { needed.append(("list", "the list pages of each kind")) }
        if !site.aliases.isEmpty { needed.append(("redirect", "the pages that redirect from 'aliases'")) }
        if site.embeds.contains(where: { !$0.isEmpty }) {
            let folder = site.schema.kinds.first { $0.quote != nil }?.folder ?? "…"
            needed.append(("partials/quote", "testimonials embedded with ![](@\(folder)/…)"))
        }
        if site.config.search { needed.append(("search", "the search page ('search: true' in site.yml)")) }
        return needed
    }

    /// Every file of the site, each passed through `store` as soon as it is made: a build
    /// writes it there and keeps only its path, so the whole site is never held in memory.
    public func render(_ site: Site, sources: SiteSources, store: @Sendable (OutputFile) -> OutputFile = { $0 }) -> [OutputFile] {
        cache?.begin()
        let keys = Fingerprints(site: site, global: globalKey, forCache: cache != nil)
        let bodies = BodyStore(site: site, layouts: layouts, cache: cache, keys: keys)
        let models = ViewModelBuilder(site: site, bodies: bodies)
        let frame = PageFrame(site: site, searchReady: searchReady)
        let structured = StructuredData(site: site)
        let feeds = SiteFeeds(site: site, entries: FeedEntryBuilder(site: site, bodies: bodies), cache: cache, keys: keys)
        let shared = RenderContext(site: site, models: models, frame: frame, structured: structured, feeds: feeds,
                                   layouts: layouts, cache: cache, keys: keys)
        let lists = ListPages(shared: shared)

        // Item pages straight from their index (no job closure per item: at 100,000 items
        // those alone would hold a hundred megabytes), then the lists and feeds.
        let items = site.documents.indices.filter { !site.documents[$0].isHome }
        let itemPage = ItemPage(shared: shared)
        let jobs = lists.kindLists() + lists.tagPages() + lists.backlinkPages() + feeds.jobs()
        var files = Parallel.mapFromBothEnds(count: items.count + jobs.count) { k in
            store(k < items.count ? itemPage.file(items[k]) : jobs[k - items.count]())
        }
        if leavesMemoryToExit { LeftToExit.keep((shared, jobs)) }
        let stored = files.count
        files += EventPages.files(shared)
        files.append(homePage(shared))
        files.append(cache.file(SitePaths.notFound, key: keys.page("404", members: [])) {
            page("404", title: "Seite nicht gefunden", path: SitePaths.notFound, shared)
        })
        if site.config.search {
            files.append(cache.file(SitePaths.search, key: keys.page("search", members: [])) {
                page("search", title: "Suche", path: SitePaths.search + "index.html", shared)
            })
        }

        var redirects = Set<String>()
        for alias in site.aliases {
            files.append(cache.file(alias.file, key: keys.page(alias.file, members: [alias.target])) {
                var context: TemplateObject = [.target: .text(site.absoluteURL(of: alias.target)),
                                               .targetTitle: .text(site.documents[alias.target].displayTitle)]
                frame.add(to: &context, title: site.documents[alias.target].displayTitle,
                          path: site.outputPaths[alias.target], description: nil)
                return OutputFile(path: alias.file, bytes: layouts.render(context, with: "redirect"))
            })
            redirects.insert(alias.file)
        }

        let assets = AssetPlan.files(site: site, sources: sources)
        let sitemap = Sitemap(site: site)
        if !assets.contains(where: { $0.path == SitePaths.robots }) { files.append(sitemap.robots()) }
        files = files[..<stored] + Parallel.map(files[stored...] + assets, store)
        // Sorted once: the sitemap lists the pages in this order, and goes in at its place.
        let paths = files.map(\.path)
        let order = cache?.sortedOrder(of: paths) ?? RenderCache.sortedOrder(of: paths)
        files = order.map { files[$0] }
        let copied = Set(assets.map(\.path))
        let pages = order.map { paths[$0] }.filter { !copied.contains($0) }
        let map = store(cache.file(SitePaths.sitemap, key: keys.sitemap(pages: pages, redirects: redirects)) {
            sitemap.file(pages: pages, redirects: redirects)
        })
        files.insert(map, at: files.firstIndex { !ByteOrder.precedes($0.path, map.path) } ?? files.count)
        return files
    }

    /// A page with no item behind it (404, search), through its own layout.
    private func page(_ layout: String, title: String, path: String, _ shared: RenderContext) -> OutputFile {
        var context: TemplateObject = [.searchReady: .flag(searchReady)]
        let folder = path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path
        shared.frame.add(to: &context, title: title, path: folder, description: nil,
                         feeds: shared.feeds.links(forPageAt: folder, document: nil))
        return OutputFile(path: path, bytes: layouts.render(context, with: layout))
    }

    /// What the home page shows of an event kind: the coming events, or the most recent past
    /// one when none is announced.
    private struct HomeEvents {
        var kind: ContentKind
        var shown: [Int]
        var upcoming: Bool
    }

    /// The home page: the home text (`content/index.md`) when there is one, and what is new in
    /// each kind the schema shows there (`home`) — for events the coming ones.
    private func homePage(_ shared: RenderContext) -> OutputFile {
        let site = shared.site
        let events = site.schema.eventKinds.filter { $0.homeCount != nil }.map { kind -> HomeEvents in
            let upcoming = site.upcomingEvents(of: kind)
            let shown = upcoming.isEmpty ? Array(site.pastEvents(of: kind).prefix(1)) : Array(upcoming.prefix(kind.homeCount!))
            return HomeEvents(kind: kind, shown: shown, upcoming: !upcoming.isEmpty)
        }
        let shown = site.schema.kinds.filter { $0.event == nil }.flatMap { kind in
            (site.lists[kind] ?? []).prefix(kind.homeCount ?? 0)
        }
        // The Organization data names every member (partner), so any member's change renders the home page.
        var members: [Int] = shown + events.flatMap(\.shown)
        for kind in site.schema.kinds where kind.has(.members) { members += site.lists[kind] ?? [] }
        let intro = site.documents.indices.filter { site.documents[$0].isHome }
        return cache.file("index.html", key: shared.keys.page(["home"] + events.map { $0.upcoming ? "upcoming" : "past" },
                                                              members: members + intro, bodies: intro)) {
            homeContext(shared, events: events)
        }
    }

    private func homeContext(_ shared: RenderContext, events: [HomeEvents]) -> OutputFile {
        let (site, models) = (shared.site, shared.models)
        var home = TemplateObject()
        if let intro = site.documents.indices.first(where: { site.documents[$0].isHome }) {
            home = models.document(intro)
        }
        for kind in site.schema.kinds where kind.event == nil {
            guard let count = kind.homeCount else { continue }
            let members = site.lists[kind] ?? []
            let shown = members.prefix(count).map(models.teaser)
            if var group = models.linkGroup(title: kind.pluralTitle, Array(shown)) {
                group[.url] = .text(site.listURL(of: kind))
                group[.more] = .flag(members.count > shown.count)
                home[kind.layoutKey] = .object(group)
            }
        }
        for event in events {
            let title = event.upcoming ? "Nächste \(event.kind.pluralTitle)" : "Zuletzt bei uns"
            if var group = models.linkGroup(title: title, event.shown.map(models.teaser)) {
                group[.url] = .text(site.listURL(of: event.kind))
                home[event.kind.layoutKey] = .object(group)
            }
        }
        let title = site.documents.first(where: \.isHome)?.displayTitle ?? site.config.title
        shared.frame.add(to: &home, title: title, path: "", description: site.config.description,
                         structuredData: shared.structured.organization, feeds: shared.feeds.links(forPageAt: "", document: nil))
        return OutputFile(path: "index.html", bytes: layouts.render(home, with: "home"))
    }
}
