import Foundation
import VernetztEngine
import VernetztModel

/// One entry of an Atom feed.
struct AtomEntry {
    var id: String
    var title: String
    var url: String
    var updated: Date
    var published: Date?
    var summary: String?
    /// HTML with absolute links, as UTF-8 (a body is stored so, and escaped so).
    var contentHTML: [UInt8]?
    var authors: [(name: String, url: String?)] = []
    var categories: [String] = []

    /// The `<entry>` element, every value escaped. The same for every feed the entry is in.
    func xml() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity((contentHTML?.count ?? 0) + 1024)
        func add(_ literal: StaticString) {
            out.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
        }
        func add(escaping text: String) { XMLEscaping.escape(text, into: &out) }
        add("<entry>\n<id>"); add(escaping: id); add("</id>\n<title>"); add(escaping: title)
        add("</title>\n<link rel=\"alternate\" type=\"text/html\" href=\""); add(escaping: url)
        add("\"/>\n<updated>"); out += AtomFeed.timestamp(updated).utf8; add("</updated>\n")
        if let published {
            add("<published>"); out += AtomFeed.timestamp(published).utf8; add("</published>\n")
        }
        for author in authors {
            add("<author><name>"); add(escaping: author.name); add("</name>")
            if let url = author.url { add("<uri>"); add(escaping: url); add("</uri>") }
            add("</author>\n")
        }
        for category in categories { add("<category term=\""); add(escaping: category); add("\"/>\n") }
        if let summary { add("<summary>"); add(escaping: summary); add("</summary>\n") }
        if let contentHTML {
            add("<content type=\"html\">")
            contentHTML.withUnsafeBufferPointer { XMLEscaping.escape($0, into: &out) }
            add("</content>\n")
        }
        add("</entry>\n")
        return out
    }
}
