import VernetztEngine
import VernetztModel

/// Turns one planned file into bytes with the writer for its format — an item's or a list's
/// layout, Atom, iCalendar, a redirect, a copy — reusing the last build's file (serve) when the
/// key of what it shows is unchanged.
struct PlannedFileWriter: Sendable {
    let shared: RenderContext
    let searchReady: Bool
    let lists: ListPages
    /// The files copied as they are, by source path, as this build read them.
    let copied: [String: SourceFile]

    init(shared: RenderContext, searchReady: Bool, sources: SiteSources) {
        self.shared = shared
        self.searchReady = searchReady
        lists = ListPages(shared: shared)
        copied = Dictionary(sources.copiedFiles.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
    }

    func file(_ planned: PlannedFile) -> OutputFile {
        let site = shared.site
        switch planned.content {
        case .item(let i):
            return ItemPage(shared: shared).file(i)
        case .list(let list, let page):
            return cached(planned, lists.page(list, number: page))
        case .tagIndex:
            return cached(planned, lists.tagIndex())
        case .eventList(let kind):
            return cached(planned, EventPages(shared: shared, kind: kind).listFile())
        case .kindCalendar(let kind):
            return EventPages(shared: shared, kind: kind).calendar()
        case .itemCalendar(let i):
            return EventPages.calendar(of: i, in: site)
        case .siteFeed, .kindFeed, .itemFeed:
            let feed = shared.feeds.feed(planned.content)!
            return cached(planned, shared.feeds.file(title: feed.title, folder: feed.folder, items: feed.items))
        case .home:
            return cached(planned, HomePage(shared: shared).file())
        case .notFound:
            return cached(planned, ({ shared.keys.page(["404"], members: []) }, {
                page("404", title: "Seite nicht gefunden", path: SitePaths.notFound)
            }))
        case .search:
            return cached(planned, ({ shared.keys.page(["search"], members: []) }, {
                page("search", title: "Suche", path: SitePaths.search + "index.html")
            }))
        case .alias(let target):
            return cached(planned, ({ shared.keys.page([planned.path], members: [target]) }, {
                var context: TemplateObject = [.target: .text(site.absoluteURL(of: target)),
                                               .targetTitle: .text(site.documents[target].displayTitle)]
                shared.frame.add(to: &context, title: site.documents[target].displayTitle,
                                 path: site.linkPaths[target], description: nil)
                return OutputFile(path: planned.path, bytes: shared.layouts.render(context, with: "redirect"))
            }))
        case .robots:
            return Sitemap.robots(site)
        case .asset(let source):
            return OutputFile(path: planned.path, bytes: copied[source]?.bytes ?? [])
        case .pictureSource:
            return OutputFile(path: planned.path, bytes: [])  // made by the picture stage: the renderer leaves these out
        }
    }

    /// The file from the cache when its key is unchanged, else made anew.
    private func cached(_ planned: PlannedFile, _ file: (key: () -> Int, make: () -> OutputFile)) -> OutputFile {
        shared.cache.file(planned.path, key: file.key(), make: file.make)
    }

    /// A page with no item behind it (404, search), through its own layout.
    private func page(_ layout: String, title: String, path: String) -> OutputFile {
        var context: TemplateObject = [.searchReady: .flag(searchReady)]
        let folder = path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path
        shared.frame.add(to: &context, title: title, path: folder, description: nil,
                         feeds: shared.feeds.links(forPageAt: folder, document: nil))
        return OutputFile(path: path, bytes: shared.layouts.render(context, with: layout))
    }
}
