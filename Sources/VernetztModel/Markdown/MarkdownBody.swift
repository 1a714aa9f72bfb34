import Foundation
import VernetztEngine

/// A body rendered to HTML once, in the parse stage, with holes where the link stage's results
/// go: each `@` link's URL and each embed's HTML. The cmark tree is freed right after, so a big
/// site never holds its syntax trees, and rendering a page only fills the holes.
public struct MarkdownBody: Sendable {
    /// Heading ids in document order, unique within the page.
    public var headingIDs: [String]
    /// The second-level headings in order, for a table of contents.
    public var sections: [BodySection]
    /// The HTML around the holes: in memory, or in the build state's log until its page is made
    /// (a site of 100,000 posts never holds all its bodies at once).
    private(set) var storage: Storage
    /// The HTML's length in bytes, known without reading it.
    public var htmlLength: Int { storage.count }
    /// The HTML of a body without `@` links or pictures (the preview's help page), as cmark wrote it.
    package var htmlOfPlainText: [UInt8] { html() ?? [] }
    /// Byte ranges of `html` that are replaced, in order.
    var holes: [(range: Range<Int>, content: Hole)]
    /// The pictures in the body (`![Alt](foto.jpg)` with a path into the site), in order: each
    /// becomes the `<picture>` the picture stage makes of it.
    public var pictures: [BodyPicture]
    /// Whether the body shows a video or map after a click: its page loads `assets/embed.js`.
    public var hasMediaEmbeds: Bool

    package enum Storage: Sendable {
        case inMemory([UInt8])
        case stored(StoredBytes)

        var count: Int {
            switch self {
            case .inMemory(let bytes): bytes.count
            case .stored(let stored): stored.count
            }
        }
    }

    enum Hole: Sendable {
        /// The URL of an `@` link as written (`@angebote/konvoi#ablauf`).
        case link(String)
        /// An embed as written (`@stimmen/x`).
        case embed(String)
        /// The picture `pictures[n]`.
        case picture(Int)
    }

    /// What a link slot's URL is in the HTML cmark writes; the hole is the attribute value.
    static let linkMark = Array("vernetzt-slot:".utf8)
    /// What an embed slot writes; the hole is the whole comment. With raw HTML off, Markdown
    /// text cannot produce a comment, so no author can forge one.
    static let embedMark = Array("<!--vernetzt-embed:".utf8)
    /// What a picture slot writes, in place of its `<img>`; a comment, like an embed's.
    static let pictureMark = Array("<!--vernetzt-picture:".utf8)

    /// What both marks start with: found with `memchr` on its first byte, then compared.
    private static let markStem = Array("vernetzt-".utf8)

    /// Finds the marks in `html` and turns them into holes, in order.
    init(html: [UInt8], headingIDs: [String], sections: [BodySection] = [], linkTargets: [String], embedTargets: [String],
         pictures: [BodyPicture] = [], hasMediaEmbeds: Bool = false) {
        storage = .inMemory(html)
        self.headingIDs = headingIDs
        self.sections = sections
        self.pictures = pictures
        self.hasMediaEmbeds = hasMediaEmbeds
        var holes: [(range: Range<Int>, content: Hole)] = []  // labelled, as stored: no cast per element
        var index = 0
        while !linkTargets.isEmpty || !embedTargets.isEmpty || !pictures.isEmpty, let stem = ByteSearch.firstIndex(of: Self.markStem, in: html, from: index) {
            if let (end, slot) = Self.numbered(Self.linkMark, at: stem, in: html, closing: UInt8(ascii: "\"")),
               stem >= 6, html[(stem - 6)..<stem].elementsEqual("href=\"".utf8), slot < linkTargets.count {
                holes.append((stem..<end, .link(linkTargets[slot])))
                index = end
            } else if stem >= 4, let (end, slot) = Self.numbered(Self.embedMark, at: stem - 4, in: html, closing: UInt8(ascii: "-")),
                      html[end...].starts(with: "-->".utf8), slot < embedTargets.count {
                holes.append(((stem - 4)..<(end + 3), .embed(embedTargets[slot])))
                index = end + 3
            } else if stem >= 4, let (end, slot) = Self.numbered(Self.pictureMark, at: stem - 4, in: html, closing: UInt8(ascii: "-")),
                      html[end...].starts(with: "-->".utf8), slot < pictures.count {
                holes.append(((stem - 4)..<(end + 3), .picture(slot)))
                index = end + 3
            } else {
                index = stem + 1
            }
        }
        self.holes = holes
    }

    /// A body as `DocumentArchive` kept it, holes already found.
    init(storage: Storage, holes: [(range: Range<Int>, content: Hole)], headingIDs: [String], sections: [BodySection],
         pictures: [BodyPicture], hasMediaEmbeds: Bool) {
        self.storage = storage
        self.holes = holes
        self.headingIDs = headingIDs
        self.sections = sections
        self.pictures = pictures
        self.hasMediaEmbeds = hasMediaEmbeds
    }

    /// The HTML around the holes, read back when it was stored; nil when it cannot be read or is
    /// not what was stored.
    package func html() -> [UInt8]? {
        switch storage {
        case .inMemory(let bytes): bytes
        case .stored(let stored): stored.read()
        }
    }

    /// The same body with its HTML left in a file (where `html()` reads it back).
    package func stored(_ bytes: StoredBytes) -> MarkdownBody {
        var body = self
        body.storage = .stored(bytes)
        return body
    }

    /// `mark` at `start`, then a number, then `closing`: the number and where `closing` is.
    private static func numbered(_ mark: [UInt8], at start: Int, in html: [UInt8], closing: UInt8) -> (Int, Int)? {
        guard html.count - start > mark.count, html[start..<(start + mark.count)].elementsEqual(mark) else { return nil }
        var index = start + mark.count
        var number = 0
        while index < html.count, html[index] >= UInt8(ascii: "0"), html[index] <= UInt8(ascii: "9"), number < 1_000_000 {
            number = number * 10 + Int(html[index] - UInt8(ascii: "0"))
            index += 1
        }
        guard index > start + mark.count, index < html.count, html[index] == closing else { return nil }
        return (index, number)
    }
}
