/// Rewrites the `href` and `src` attributes of rendered HTML to absolute URLs, for places that
/// are read away from the site (feeds): `/x/` against the site's origin, `bild.jpg` and `#a`
/// against the page's URL. Values are in double quotes, as cmark-gfm and the layouts write them.
enum AbsoluteLinks {
    static func rewrite(_ html: String, pageURL: String, origin: String) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count + 256)
        var rest = Substring(html)
        while let match = nextAttribute(in: rest) {
            out += rest[..<match.valueStart]
            let value = rest[match.valueStart..<match.valueEnd]
            out += absolute(value, pageURL: pageURL, origin: origin)
            rest = rest[match.valueEnd...]
        }
        out += rest
        return out
    }

    private static func nextAttribute(in text: Substring) -> (valueStart: Substring.Index, valueEnd: Substring.Index)? {
        var search = text
        while let range = search.range(of: "=\"") {
            let name = search[..<range.lowerBound].suffix(4)
            if name == "href" || name.hasSuffix(" src") {
                guard let end = search[range.upperBound...].firstIndex(of: "\"") else { return nil }
                return (range.upperBound, end)
            }
            search = search[range.upperBound...]
        }
        return nil
    }

    static func absolute(_ value: Substring, pageURL: String, origin: String) -> String {
        if value.hasPrefix("//") { return String(value) }
        if value.hasPrefix("/") { return origin + value }
        if let colon = value.firstIndex(of: ":"), !value[..<colon].contains("/") { return String(value) }  // has a scheme
        return pageURL + value
    }
}
