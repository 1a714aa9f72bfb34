import Foundation
import VernetztEngine

/// Fills the holes of a body rendered in the parse stage with what the link stage decided:
/// each `@` link's URL (or nothing, when its target is left out), each embed's HTML. The raw
/// HTML policy was applied when the body was rendered (`MarkdownParser`).
public struct MarkdownRenderer: Sendable {
    public init() {}

    /// `resolvedLinks` maps each `@` URL as written to its final URL ("" for a target that is
    /// left out: the text stays, the link goes); `embeds` maps each embed to its HTML.
    public func render(_ body: MarkdownBody, resolvedLinks: [String: String], embeds: [String: String] = [:],
                       pictures: [[UInt8]] = []) -> String {
        String(decoding: renderBytes(body, resolvedLinks: resolvedLinks, embeds: embeds, pictures: pictures), as: UTF8.self)
    }

    /// `render` as UTF-8 bytes, the form pages are written in: a body read only by its page
    /// need not become a String, which would check its UTF-8 once more.
    /// `pictures` holds the HTML of each of the body's pictures; a picture without it is a
    /// plain `<img>` of the path as written.
    public func renderBytes(_ body: MarkdownBody, resolvedLinks: [String: String], embeds: [String: String] = [:],
                            pictures: [[UInt8]] = []) -> [UInt8] {
        renderBytes(body, html: body.html() ?? [], resolvedLinks: resolvedLinks, embeds: embeds, pictures: pictures)
    }

    /// `renderBytes` with the body's HTML already read (`MarkdownBody.html()`).
    package func renderBytes(_ body: MarkdownBody, html: [UInt8], resolvedLinks: [String: String], embeds: [String: String] = [:],
                             pictures: [[UInt8]] = []) -> [UInt8] {
        // HTML that is not the body's (a stored body that could not be read) has holes elsewhere.
        guard html.count == body.htmlLength else { return [] }
        var out: [UInt8] = []
        out.reserveCapacity(html.count + 256)
        var leavesOut = false
        var copied = 0
        for (range, hole) in body.holes {
            out += html[copied..<range.lowerBound]
            switch hole {
            case .link(let target):
                let url = resolvedLinks[target] ?? target
                leavesOut = leavesOut || url.isEmpty
                if url.isEmpty { out += Self.leftOut.utf8 } else { Self.escapeHref(url, into: &out) }
            case .embed(let target):
                out += (embeds[target] ?? "").utf8
            case .picture(let n):
                if n < pictures.count, !pictures[n].isEmpty { out += pictures[n] } else { Self.plainImage(body.pictures[n], into: &out) }
            }
            copied = range.upperBound
        }
        out += html[copied...]
        return leavesOut ? Array(Self.removeLeftOutLinks(String(decoding: out, as: UTF8.self)).utf8) : out
    }

    /// `<img src="…" alt="…">`, as cmark-gfm writes a picture.
    static func plainImage(_ picture: BodyPicture, into out: inout [UInt8]) {
        out += "<img src=\"".utf8
        escapeHref(picture.raw, into: &out)
        out += "\" alt=\"".utf8
        out += HTMLEscaping.attribute(picture.alt).utf8
        out += "\"".utf8
        if !picture.title.isEmpty { out += " title=\"\(HTMLEscaping.attribute(picture.title))\"".utf8 }
        out += " />".utf8
    }

    /// A URL as an `href` value, the way cmark-gfm writes one: characters safe in URLs stay,
    /// `&` and `'` become entities, everything else is percent-encoded.
    static func escapeHref(_ url: String, into out: inout [UInt8]) {
        for byte in url.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "'"): out += "&#x27;".utf8
            case _ where hrefSafe[Int(byte)]: out.append(byte)
            default: out += [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 15)]]
            }
        }
    }

    /// Bytes an `href` keeps as they are: letters, digits and `-_.+!*(),%#@?=;:/$~`.
    private static let hrefSafe: [Bool] = (0..<256).map { byte in
        let scalar = Unicode.Scalar(UInt8(byte))
        return (scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)))
            || "-_.+!*(),%#@?=;:/$~".unicodeScalars.contains(scalar)
    }
    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// The URL a link to a left-out item renders with, before its tags are taken away.
    static let leftOut = "vernetzt-left-out:"

    /// `<a href="vernetzt-left-out:">text</a>` → `text` (links never nest, so the next `</a>` closes it).
    static func removeLeftOutLinks(_ html: String) -> String {
        var out = ""
        var rest = Substring(html)
        let opening = "<a href=\"\(leftOut)\""
        while let start = rest.range(of: opening) {
            out += rest[..<start.lowerBound]
            guard let tagEnd = rest[start.upperBound...].firstIndex(of: ">"),
                  let close = rest[tagEnd...].range(of: "</a>") else { break }
            out += rest[rest.index(after: tagEnd)..<close.lowerBound]
            rest = rest[close.upperBound...]
        }
        return out + rest
    }
}
