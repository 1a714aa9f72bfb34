import Foundation
import VernetztEngine
import VernetztModel

/// Each document's body as HTML: the parse stage's HTML with its holes filled (links, embeds).
/// Filling is a copy, so nothing is kept per document — a big site's bodies are never all in
/// memory at once. With a cache (serve), a body is reused while its key is unchanged.
final class BodyStore: Sendable {
    private let site: Site
    let renderer: MarkdownRenderer
    private let layouts: LayoutLibrary
    private let cache: RenderCache?
    private let keys: Fingerprints?

    init(site: Site, layouts: LayoutLibrary, cache: RenderCache?, keys: Fingerprints?) {
        self.site = site
        self.renderer = MarkdownRenderer()
        self.layouts = layouts
        self.cache = cache
        self.keys = keys
    }

    func html(_ i: Int) -> String {
        String(decoding: htmlBytes(i), as: UTF8.self)
    }

    /// The body as UTF-8, as a page shows it.
    func htmlBytes(_ i: Int) -> [UInt8] {
        let make = { () -> [UInt8] in
            // Testimonials cannot embed, so asking for a quote's HTML here never comes back to `i`.
            let embeds = self.site.embeds[i].mapValues { target in
                self.layouts.renderText(ViewModelBuilder.quoteValues(self.site, target, quoteHTML: self.html(target)),
                                        with: "partials/quote")
            }
            return self.renderer.renderBytes(self.site.documents[i].body, resolvedLinks: self.site.resolvedLinks[i], embeds: embeds)
        }
        return if let cache, let keys { cache.body(site.documents[i].path, key: keys.body(i), make: make) } else { make() }
    }
}
