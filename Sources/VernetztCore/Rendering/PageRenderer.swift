/// The render stage: Markdown bodies to HTML, then every page through its layout, in parallel;
/// plus lists, tags, events, feeds, sitemap, robots.txt, the 404 and search pages, alias
/// redirects and copied assets.
public struct PageRenderer: Sendable {
    public var layouts: LayoutLibrary
    /// Whether the search index will be built, so that pages are marked up for it.
    public var searchReady: Bool

    public init(layouts: LayoutLibrary, searchReady: Bool = false) {
        self.layouts = layouts
        self.searchReady = searchReady
    }

    /// How many items of each kind the home page shows.
    static let homeCounts: [ContentKind: Int] = [.post: 3, .event: 3, .caseStudy: 3, .testimonial: 3]

    /// The layouts this site needs; checked before any rendering starts.
    public func neededLayouts(for site: Site) -> [(name: String, reason: String)] {
        var needed: [(String, String)] = [("home", "the home page"), ("base", "the page frame"),
                                          ("404", "the page for addresses that do not exist")]
        let kinds = Set(site.documents.filter { !$0.isHome }.map(\.kind))
        for kind in ContentKind.allCases where kinds.contains(kind) && layouts.layout(for: kind) == nil {
            needed.append((kind.layoutName, "\(kind.folder)/ items need '\(kind.layoutName)' or 'single'"))
        }
        if kinds.contains(where: \.hasListPage) { needed.append(("list", "the list pages of each kind")) }
        if !site.aliases.isEmpty { needed.append(("redirect", "the pages that redirect from 'aliases'")) }
        if site.embeds.contains(where: { !$0.isEmpty }) {
            needed.append(("partials/quote", "testimonials embedded with ![](@stimmen/…)"))
        }
        if site.config.search { needed.append(("search", "the search page ('search: true' in site.yml)")) }
        return needed
    }

    public func render(_ site: Site, sources: SiteSources) -> [OutputFile] {
        let bodies = renderBodies(site)
        let models = ViewModelBuilder(site: site, bodies: bodies)
        let frame = PageFrame(site: site, searchReady: searchReady)
        let structured = StructuredData(site: site)
        let feeds = SiteFeeds(site: site, entries: FeedEntryBuilder(site: site, bodies: bodies))
        let lists = ListPages(site: site, models: models, frame: frame, layouts: layouts, feeds: feeds)

        let items = site.documents.indices.filter { !site.documents[$0].isHome }
        var files = Parallel.map(items) { i -> OutputFile in
            let document = site.documents[i]
            var context = models.document(i)
            let image: String? = if case .post(let post) = document.fields, let src = post.image {
                AbsoluteLinks.absolute(Substring(src), pageURL: site.absoluteURL(of: i), origin: feeds.entries.origin)
            } else { nil }
            frame.add(to: &context, title: document.displayTitle, path: site.outputPaths[i],
                      description: document.common.summary, structuredData: structured.forDocument(i),
                      feeds: feeds.links(forPageAt: site.outputPaths[i], document: i), image: image,
                      isArticle: [.post, .caseStudy, .event].contains(document.kind))
            let html = layouts.render(context, with: layouts.layout(for: document.kind) ?? "single")
            return OutputFile(path: site.outputPaths[i] + "index.html", text: html)
        }
        files += lists.kindLists() + lists.tagPages() + lists.backlinkPages()
        files += EventPages(site: site, models: models, frame: frame, layouts: layouts, feeds: feeds).files()
        files += feeds.files()
        files.append(homePage(site, models, frame, structured, feeds))
        files.append(page("404", title: "Seite nicht gefunden", path: SitePaths.notFound, site, frame, feeds))
        if site.config.search {
            files.append(page("search", title: "Suche", path: SitePaths.search + "index.html", site, frame, feeds))
        }

        var redirects = Set<String>()
        for alias in site.aliases {
            var context: [String: Any] = ["target": site.absoluteURL(of: alias.target),
                                          "target_title": site.documents[alias.target].displayTitle]
            frame.add(to: &context, title: site.documents[alias.target].displayTitle,
                      path: site.outputPaths[alias.target], description: nil)
            files.append(OutputFile(path: alias.file, text: layouts.render(context, with: "redirect")))
            redirects.insert(alias.file)
        }

        let assets = AssetPlan.files(site: site, sources: sources)
        let sitemap = Sitemap(site: site)
        files.append(sitemap.file(pages: files.map(\.path).sorted(), redirects: redirects))
        if !assets.contains(where: { $0.path == SitePaths.robots }) { files.append(sitemap.robots()) }
        return (files + assets).sorted { $0.path < $1.path }
    }

    /// A page with no item behind it (404, search), through its own layout.
    private func page(_ layout: String, title: String, path: String, _ site: Site, _ frame: PageFrame,
                      _ feeds: SiteFeeds) -> OutputFile {
        var context: [String: Any] = ["search_ready": searchReady]
        let folder = path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path
        frame.add(to: &context, title: title, path: folder, description: nil, feeds: feeds.links(forPageAt: folder, document: nil))
        return OutputFile(path: path, text: layouts.render(context, with: layout))
    }

    /// Bodies to HTML in two parallel rounds: first those that embed nothing (testimonials
    /// among them), then those that embed testimonials, which need the quotes' HTML.
    private func renderBodies(_ site: Site) -> [String] {
        let renderer = MarkdownRenderer(allowsRawHTML: site.config.rawHTML)
        var bodies = [String](repeating: "", count: site.documents.count)
        let plain = site.documents.indices.filter { site.embeds[$0].isEmpty }
        for (i, html) in zip(plain, Parallel.map(plain) { renderer.render(site.documents[$0].body, resolvedLinks: site.resolvedLinks[$0]) }) {
            bodies[i] = html
        }
        let embedding = site.documents.indices.filter { !site.embeds[$0].isEmpty }
        guard !embedding.isEmpty else { return bodies }
        var quotes: [Int: String] = [:]
        for target in Set(site.embeds.flatMap(\.values)) {
            quotes[target] = layouts.render(ViewModelBuilder.quoteValues(site, target, quoteHTML: bodies[target]),
                                            with: "partials/quote")
        }
        let rendered = Parallel.map(embedding) { i in
            renderer.render(site.documents[i].body, resolvedLinks: site.resolvedLinks[i],
                            embeds: site.embeds[i].mapValues { quotes[$0] ?? "" })
        }
        for (i, html) in zip(embedding, rendered) { bodies[i] = html }
        return bodies
    }

    /// The home page: the home text (`content/index.md`) when there is one, and what is new in
    /// each kind — upcoming events, or the most recent past one when none is announced.
    private func homePage(_ site: Site, _ models: ViewModelBuilder, _ frame: PageFrame,
                          _ structured: StructuredData, _ feeds: SiteFeeds) -> OutputFile {
        var home: [String: Any] = [:]
        if let intro = site.documents.indices.first(where: { site.documents[$0].isHome }) {
            home = models.document(intro)
        }
        for kind in ContentKind.allCases where kind != .event && kind != .page {
            let members = site.lists[kind] ?? []
            let shown = members.prefix(Self.homeCounts[kind] ?? members.count).map(models.teaser)
            if var group = models.linkGroup(title: kind.pluralTitle, Array(shown)) {
                group["url"] = site.listURL(of: kind)
                group["more"] = members.count > shown.count
                home[kind.layoutName] = group
            }
        }
        let upcoming = site.upcomingEvents
        let events = upcoming.isEmpty ? Array(site.pastEvents.prefix(1)) : Array(upcoming.prefix(Self.homeCounts[.event]!))
        if var group = models.linkGroup(title: upcoming.isEmpty ? "Zuletzt bei uns" : "Nächste Veranstaltungen", events.map(models.teaser)) {
            group["url"] = site.listURL(of: .event)
            home["event"] = group
        }
        let title = site.documents.first(where: \.isHome)?.displayTitle ?? site.config.title
        frame.add(to: &home, title: title, path: "", description: site.config.description,
                  structuredData: structured.organization, feeds: feeds.links(forPageAt: "", document: nil))
        return OutputFile(path: "index.html", text: layouts.render(home, with: "home"))
    }
}
