/// The render stage: Markdown bodies to HTML, then every page through its layout, in parallel;
/// plus list pages, the home page, alias redirects and copied assets.
public struct PageRenderer: Sendable {
    public var layouts: LayoutLibrary

    public init(layouts: LayoutLibrary) {
        self.layouts = layouts
    }

    /// How many items of each kind the home page shows.
    static let homeCounts: [ContentKind: Int] = [.post: 5, .event: 3, .caseStudy: 3]

    /// The layouts this site needs; checked before any rendering starts.
    public func neededLayouts(for site: Site) -> [(name: String, reason: String)] {
        var needed: [(String, String)] = [("home", "the home page"), ("base", "the page frame")]
        let kinds = Set(site.documents.map(\.kind))
        for kind in ContentKind.allCases where kinds.contains(kind) && layouts.layout(for: kind) == nil {
            needed.append((kind.layoutName, "\(kind.folder)/ items need '\(kind.layoutName)' or 'single'"))
        }
        if kinds.contains(where: \.hasListPage) { needed.append(("list", "the list pages of each kind")) }
        if !site.aliases.isEmpty { needed.append(("redirect", "the pages that redirect from 'aliases'")) }
        return needed
    }

    public func render(_ site: Site, sources: SiteSources) -> [OutputFile] {
        let renderer = MarkdownRenderer(allowsRawHTML: site.config.rawHTML)
        let bodyHTML = Parallel.map(Array(site.documents.indices)) { i in
            renderer.render(site.documents[i].body, resolvedLinks: site.resolvedLinks[i])
        }
        let models = ViewModelBuilder(site: site, bodies: bodyHTML)
        let frame = PageFrame(site: site)

        var files = Parallel.map(Array(site.documents.indices)) { i -> OutputFile in
            let document = site.documents[i]
            var context = models.document(i)
            frame.add(to: &context, title: document.displayTitle, path: site.outputPaths[i],
                      description: document.common.summary)
            let html = layouts.render(context, with: layouts.layout(for: document.kind) ?? "single")
            return OutputFile(path: site.outputPaths[i] + "index.html", text: html)
        }

        for kind in ContentKind.allCases where kind.hasListPage {
            guard let members = site.lists[kind], !members.isEmpty else { continue }
            var context: [String: Any] = ["items": members.map(models.teaser), "kind": kind.layoutName]
            frame.add(to: &context, title: kind.pluralTitle, path: kind.urlPrefix, description: nil)
            files.append(OutputFile(path: kind.urlPrefix + "index.html", text: layouts.render(context, with: "list")))
        }

        var home: [String: Any] = [:]
        for kind in ContentKind.allCases {
            let members = site.lists[kind] ?? []
            let shown = members.prefix(Self.homeCounts[kind] ?? members.count).map(models.teaser)
            if let group = models.linkGroup(title: kind.pluralTitle, Array(shown)) {
                var group = group
                group["url"] = site.listURL(of: kind)
                home[kind.layoutName] = group
            }
        }
        frame.add(to: &home, title: site.config.title, path: "", description: site.config.description)
        files.append(OutputFile(path: "index.html", text: layouts.render(home, with: "home")))

        for alias in site.aliases {
            var context: [String: Any] = ["target": site.absoluteURL(of: alias.target),
                                          "target_title": site.documents[alias.target].displayTitle]
            frame.add(to: &context, title: site.documents[alias.target].displayTitle,
                      path: site.outputPaths[alias.target], description: nil)
            files.append(OutputFile(path: alias.file, text: layouts.render(context, with: "redirect")))
        }

        files += AssetPlan.files(site: site, sources: sources)
        return files.sorted { $0.path < $1.path }
    }
}
