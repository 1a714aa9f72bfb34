/// An item's own page through its kind's layout (or `single`): its view model, the page frame
/// with structured data, feeds and Open Graph image. A class: shared by the workers, not copied
/// into each call.
final class ItemPage {
    let site: Site
    let models: ViewModelBuilder
    let frame: PageFrame
    let structured: StructuredData
    let feeds: SiteFeeds
    let layouts: LayoutLibrary
    let cache: RenderCache?
    let keys: Fingerprints

    init(site: Site, models: ViewModelBuilder, frame: PageFrame, structured: StructuredData, feeds: SiteFeeds,
         layouts: LayoutLibrary, cache: RenderCache?, keys: Fingerprints) {
        self.site = site
        self.models = models
        self.frame = frame
        self.structured = structured
        self.feeds = feeds
        self.layouts = layouts
        self.cache = cache
        self.keys = keys
    }

    func file(_ i: Int) -> OutputFile {
        cache.file(site.outputPaths[i] + "index.html", key: keys.item(i)) {
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
            return OutputFile(path: site.outputPaths[i] + "index.html", bytes: html)
        }
    }
}
