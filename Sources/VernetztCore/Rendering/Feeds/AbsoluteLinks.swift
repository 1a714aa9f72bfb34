import VernetztEngine
import VernetztModel

/// Rewrites the `href` and `src` attributes of rendered HTML to absolute URLs, for places that
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
            // `href="` or ` src="`
            let isHref = bytes[index] == UInt8(ascii: "h") && bytes[index + 1] == UInt8(ascii: "r")
                && bytes[index + 2] == UInt8(ascii: "e") && bytes[index + 3] == UInt8(ascii: "f")
                && bytes[index + 4] == UInt8(ascii: "=") && bytes[index + 5] == UInt8(ascii: "\"")
            let isSrc = bytes[index] == UInt8(ascii: " ") && bytes[index + 1] == UInt8(ascii: "s")
                && bytes[index + 2] == UInt8(ascii: "r") && bytes[index + 3] == UInt8(ascii: "c")
                && bytes[index + 4] == UInt8(ascii: "=") && bytes[index + 5] == UInt8(ascii: "\"")
            guard isHref || isSrc else {
                index += 1
                continue
            }
            let valueStart = index + 6
            guard let valueEnd = bytes[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { break }
            out.append(contentsOf: bytes[copied..<valueStart])
            let value = String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)
            out.append(contentsOf: absolute(Substring(value), pageURL: pageURL, origin: origin).utf8)
            copied = valueEnd
            index = valueEnd
        }
        out.append(contentsOf: bytes[copied...])
        return String(decoding: out, as: UTF8.self)
    }

    static func absolute(_ value: Substring, pageURL: String, origin: String) -> String {
        if value.hasPrefix("//") { return String(value) }
        if value.hasPrefix("/") { return origin + value }
        if let colon = value.firstIndex(of: ":"), !value[..<colon].contains("/") { return String(value) }  // has a scheme
        return pageURL + value
    }
}
