import VernetztEngine
import VernetztModel

/// Rewrites the `href`, `src` and `srcset` attributes of rendered HTML to absolute URLs, for places that
/// are read away from the site (feeds): `/x/` against the site's origin, `bild.jpg` and `#a`
/// against the page's URL. Values are in double quotes, as cmark-gfm and the layouts write them.
/// Works on UTF-8 bytes: feeds carry whole bodies, and this runs for every entry.
enum AbsoluteLinks {
    static func rewrite(_ html: String, pageURL: String, origin: String) -> String {
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 512)
        var index = 0
        var copied = 0
        while index + 6 < bytes.count {
            let name: Int
            if bytes[index..<(index + 6)].elementsEqual(href) || bytes[index..<(index + 6)].elementsEqual(src) {
                name = 6
            } else if index + 9 < bytes.count, bytes[index..<(index + 9)].elementsEqual(srcset) {
                name = 9
            } else {
                index += 1
                continue
            }
            let valueStart = index + name
            guard let valueEnd = bytes[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { break }
            out.append(contentsOf: bytes[copied..<valueStart])
            let value = String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)
            let rewritten = name == 9
                // `a.webp 400w, b.webp 800w`: each candidate's URL.
                ? value.split(separator: ",").map { candidate -> String in
                    let parts = candidate.split(separator: " ", maxSplits: 1)
                    guard let url = parts.first else { return String(candidate) }
                    return absolute(url, pageURL: pageURL, origin: origin) + (parts.count > 1 ? " " + parts[1] : "")
                }.joined(separator: ", ")
                : absolute(Substring(value), pageURL: pageURL, origin: origin)
            out.append(contentsOf: rewritten.utf8)
            copied = valueEnd
            index = valueEnd
        }
        out.append(contentsOf: bytes[copied...])
        return String(decoding: out, as: UTF8.self)
    }

    private static let href = Array("href=\"".utf8)
    private static let src = Array(" src=\"".utf8)
    private static let srcset = Array(" srcset=\"".utf8)

    static func absolute(_ value: Substring, pageURL: String, origin: String) -> String {
        if value.hasPrefix("//") { return String(value) }
        if value.hasPrefix("/") { return origin + value }
        if let colon = value.firstIndex(of: ":"), !value[..<colon].contains("/") { return String(value) }  // has a scheme
        return pageURL + value
    }
}
