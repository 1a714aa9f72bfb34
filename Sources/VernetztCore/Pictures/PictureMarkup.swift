import VernetztEngine
import VernetztModel

/// The HTML of a picture, ready for a layout: `<picture>` with the WebP sizes as a `<source>`
/// and an `<img>` of the fallback with width and height (the page keeps its place, nothing
/// jumps when it arrives), lazy unless it is the page's first large picture.
enum PictureMarkup {
    /// How wide the picture is shown, for the browser to pick a size before the CSS is known.
    enum Place: Sendable {
        /// In the text column (`--measure: 42rem` in the theme) or across a phone.
        case column
        /// Small beside an entry of a list.
        case thumbnail
        /// A logo in a list, the header or the footer.
        case logo
        case portrait

        var sizes: String {
            switch self {
            case .column: "(min-width: 44rem) 42rem, calc(100vw - 2rem)"
            case .thumbnail: "8rem"
            case .logo: "12rem"
            case .portrait: "10rem"
            }
        }
    }

    /// When the browser fetches the picture.
    enum Loading: Sendable {
        /// When it comes near the screen.
        case lazy
        /// At once (the header's logo).
        case normal
        /// At once and before others: the page's first large picture, likely its largest paint.
        case first
    }

    static func html(_ picture: ProcessedPicture, alt: String, place: Place, loading: Loading = .lazy, title: String = "",
                     className: String? = nil) -> String {
        var html = ""
        let srcset = srcset(picture)
        if !srcset.isEmpty { html += "<picture><source type=\"image/webp\" srcset=\"\(srcset)\" sizes=\"\(place.sizes)\">" }
        html += "<img"
        if let className { html += " class=\"\(className)\"" }
        html += " src=\"\(HTMLEscaping.attribute(picture.fallback.url))\" alt=\"\(HTMLEscaping.attribute(alt))\""
        if picture.width > 0 && picture.height > 0 { html += " width=\"\(picture.width)\" height=\"\(picture.height)\"" }
        if !title.isEmpty { html += " title=\"\(HTMLEscaping.attribute(title))\"" }
        let fetching = switch loading {
        case .lazy: " loading=\"lazy\""
        case .normal: ""
        case .first: " fetchpriority=\"high\""
        }
        html += fetching + " decoding=\"async\">"
        if !srcset.isEmpty { html += "</picture>" }
        return html
    }

    /// `a-480.webp 480w, a-800.webp 800w, …`
    static func srcset(_ picture: ProcessedPicture) -> String {
        picture.ladder.map { "\(HTMLEscaping.attribute($0.url)) \($0.width)w" }.joined(separator: ", ")
    }

    /// The parts and the ready HTML, for layouts: `{{{image.html}}}`, or `image.src`,
    /// `image.srcset`, `image.sizes`, `image.width`, `image.height`, `image.alt` to write their own.
    static func values(_ picture: ProcessedPicture, alt: String, place: Place, loading: Loading) -> TemplateObject {
        [
            .src: .text(picture.fallback.url),
            .srcset: .text(picture.ladder.map { "\($0.url) \($0.width)w" }.joined(separator: ", ")),
            .sizes: .text(place.sizes),
            .width: .number(picture.width),
            .height: .number(picture.height),
            .alt: .text(alt),
            .html: .text(html(picture, alt: alt, place: place, loading: loading)),
        ]
    }
}
