import Foundation

/// Each document's body as HTML, rendered when first asked for (a page, a feed, a quote) and
/// only once; with a cache, reused from the last build while its key is unchanged. A lock
/// per document keeps two pages from rendering the same tree at once.
final class BodyStore: @unchecked Sendable {
    private let site: Site
    private let renderer: MarkdownRenderer
    private let layouts: LayoutLibrary
    private let cache: RenderCache?
    private let keys: Fingerprints?
    private let values: LazySlots<String>

    init(site: Site, layouts: LayoutLibrary, cache: RenderCache?, keys: Fingerprints?) {
        self.site = site
        self.renderer = MarkdownRenderer(allowsRawHTML: site.config.rawHTML)
        self.layouts = layouts
        self.cache = cache
        self.keys = keys
        values = LazySlots(count: site.documents.count)
    }

    func html(_ i: Int) -> String {
        values.value(i) {
            let make = { () -> String in
                // Testimonials cannot embed, so asking for a quote's HTML here never comes back to `i`.
                let embeds = self.site.embeds[i].mapValues { target in
                    self.layouts.renderText(ViewModelBuilder.quoteValues(self.site, target, quoteHTML: self.html(target)),
                                            with: "partials/quote")
                }
                return self.renderer.render(self.site.documents[i].body, resolvedLinks: self.site.resolvedLinks[i], embeds: embeds)
            }
            return if let cache, let keys { cache.body(site.documents[i].path, key: keys.body(i), make: make) } else { make() }
        }
    }
}
