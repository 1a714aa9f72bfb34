import Glibc
import VernetztEngine
import VernetztModel

/// Rewrites the `href`, `src` and `srcset` attributes of rendered HTML to absolute URLs, for places that
/// are read away from the site (feeds): `/x/` against the site's origin, `bild.jpg` and `#a`
/// against the page's URL. Values are in double quotes, as cmark-gfm and the layouts write them.
/// Works on UTF-8 bytes: feeds carry whole bodies, and this runs for every entry.
enum AbsoluteLinks {
    /// On the bytes a body is stored in, without making a String of it (which would check its
    /// UTF-8 once more, for every entry of every feed).
    static func rewrite(_ html: [UInt8], pageURL: String, origin: String) -> [UInt8] {
        html.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return [] }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 512)
            var copied = 0
            var index = 0
            // Every value in question ends its attribute's name in `="`: memchr goes from quote
            // to quote, and only the few bytes before each are compared.
            while index < bytes.count, let hit = memchr(base + index, Int32(UInt8(ascii: "\"")), bytes.count - index) {
                let valueStart = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
                index = valueStart
                let isSet = ends(bytes, at: valueStart, with: srcset)
                guard isSet || ends(bytes, at: valueStart, with: href) || ends(bytes, at: valueStart, with: src) else { continue }
                guard let close = memchr(base + valueStart, Int32(UInt8(ascii: "\"")), bytes.count - valueStart) else { break }
                let valueEnd = base.distance(to: close.assumingMemoryBound(to: UInt8.self))
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<valueStart]))
                let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<valueEnd]), as: UTF8.self)
                let rewritten = isSet
                    // `a.webp 400w, b.webp 800w`: each candidate's URL.
                    ? value.split(separator: ",").map { candidate -> String in
                        let parts = candidate.split(separator: " ", maxSplits: 1)
                        guard let url = parts.first else { return String(candidate) }
                        return absolute(url, pageURL: pageURL, origin: origin) + (parts.count > 1 ? " " + parts[1] : "")
                    }.joined(separator: ", ")
                    : absolute(Substring(value), pageURL: pageURL, origin: origin)
                out.append(contentsOf: rewritten.utf8)
                copied = valueEnd
                index = valueEnd + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return out
        }
    }

    /// Whether the bytes just before `end` are `name`.
    private static func ends(_ bytes: UnsafeBufferPointer<UInt8>, at end: Int, with name: [UInt8]) -> Bool {
        guard end >= name.count else { return false }
        var offset = end - name.count
        for byte in name {
            guard bytes[offset] == byte else { return false }
            offset += 1
        }
        return true
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
