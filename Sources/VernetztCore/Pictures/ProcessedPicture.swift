/// A picture made ready for pages: its sizes, each with its address on the site.
struct ProcessedPicture: Sendable {
    struct Size: Sendable {
        /// Site-relative, with the base path (`/bilder/3f…-800.webp`).
        var url: String
        var width: Int
        var height: Int
    }

    /// WebP, narrowest first; empty for an SVG, which is published as it is.
    var ladder: [Size]
    /// What a browser without WebP shows, and the `src` of the `<img>`: JPEG or PNG — or the SVG.
    var fallback: Size
    /// 1200×630 for `og:image`, when the picture is a page's own.
    var card: Size?
    /// The favicon's PNGs: 180 pixels (a phone's home screen), then 32 (the browser's tab).
    var icons: [Size] = []

    /// The aspect the page reserves before the picture arrives (no layout shift).
    var width: Int { ladder.last?.width ?? fallback.width }
    var height: Int { ladder.last?.height ?? fallback.height }
}
