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
    private let repair: BodyRepair?

    init(site: Site, layouts: LayoutLibrary, cache: RenderCache?, keys: Fingerprints?, repair: BodyRepair? = nil) {
        self.site = site
        self.repair = repair
        self.renderer = MarkdownRenderer()
        self.layouts = layouts
        self.cache = cache
        self.keys = keys
    }

    /// Each body picture's `<picture>`; the first is the page's first large picture (loaded
    /// first) unless the page has its own picture above the text.
    private func pictures(_ i: Int) -> [[UInt8]] {
        let document = site.documents[i]
        guard !document.body.pictures.isEmpty else { return [] }
        let hasHeaderPicture = site.picture(in: document.kind.imageField, of: i) != nil
        return document.body.pictures.enumerated().map { n, picture in
            guard let made = site.pictures.picture(picture.raw, from: site.outputPaths[i], role: .field(.photo)) else { return [] }
            return Array(PictureMarkup.html(made, alt: picture.alt, place: .column, loading: n == 0 && !hasHeaderPicture ? .first : .lazy,
                                            title: picture.title).utf8)
        }
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
            let document = self.site.documents[i]
            // A body left in the build state's log is read back here, once per page.
            guard let html = document.body.html() ?? self.repair?.html(of: document) else { return [] }
            return self.renderer.renderBytes(document.body, html: html, resolvedLinks: self.site.resolvedLinks[i], embeds: embeds,
                                             pictures: self.pictures(i))
        }
        return if let cache, let keys { cache.body(site.documents[i].path, key: keys.body(i), make: make) } else { make() }
    }
}
