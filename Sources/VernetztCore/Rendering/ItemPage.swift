import VernetztEngine
import VernetztModel

/// An item's own page through its kind's layout (or `single`): its view model, the page frame
/// with structured data, feeds and Open Graph image.
struct ItemPage: Sendable {
    let shared: RenderContext

    func file(_ i: Int) -> OutputFile {
        shared.cache.file(shared.site.outputPaths[i] + "index.html", key: shared.keys.item(i)) {
            let document = shared.site.documents[i]
            var context = shared.models.document(i)
            let picture = shared.site.picture(in: document.kind.imageField, of: i)
            // Social networks show no SVG: a logo drawn as one gives no card.
            let raster = picture.flatMap { $0.ladder.isEmpty ? nil : $0.card ?? $0.fallback } ?? shared.site.pictures.cards[i]
            let image = raster.map { shared.site.absoluteURL(ofPicture: $0.url) }
            shared.frame.add(to: &context, title: document.displayTitle, path: shared.site.outputPaths[i],
                             description: document.common.summary, structuredData: shared.structured.forDocument(i),
                             feeds: shared.feeds.links(forPageAt: shared.site.outputPaths[i], document: i), image: image,
                             isArticle: document.kind.has(.feed))
            let html = shared.layouts.render(context, with: shared.layouts.layout(for: document.kind) ?? "single")
            return OutputFile(path: shared.site.outputPaths[i] + "index.html", bytes: html)
        }
    }
}
