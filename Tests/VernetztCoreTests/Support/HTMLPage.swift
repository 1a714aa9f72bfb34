import Foundation

/// Reads an HTML page the way the tests need it: its links, its ids, its text.
/// A small tokenizer over tags and attributes; enough for the markup our layouts produce.
struct HTMLPage {
    let html: String

    struct Tag {
        var name: String
        var attributes: [String: String]
    }

    var tags: [Tag] {
        var result: [Tag] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            guard let close = rest.firstIndex(of: ">") else { break }
            let inside = rest[..<close]
            rest = rest[rest.index(after: close)...]
            guard let first = inside.first, first.isLetter else { continue }
            let name = inside.prefix { !$0.isWhitespace && $0 != "/" }.lowercased()
            result.append(Tag(name: name, attributes: Self.attributes(inside.dropFirst(name.count))))
        }
        return result
    }

    static func attributes(_ text: Substring) -> [String: String] {
        var attributes: [String: String] = [:]
        var rest = text
        while true {
            rest = rest.drop { $0.isWhitespace || $0 == "/" }
            let name = rest.prefix { !$0.isWhitespace && $0 != "=" && $0 != ">" && $0 != "/" }
            guard !name.isEmpty else { break }
            rest = rest.dropFirst(name.count)
            if rest.first == "=" {
                rest = rest.dropFirst()
                if let quote = rest.first, quote == "\"" || quote == "'" {
                    rest = rest.dropFirst()
                    let value = rest.prefix { $0 != quote }
                    attributes[name.lowercased()] = unescape(String(value))
                    rest = rest.dropFirst(value.count + 1)
                } else {
                    let value = rest.prefix { !$0.isWhitespace }
                    attributes[name.lowercased()] = unescape(String(value))
                    rest = rest.dropFirst(value.count)
                }
            } else {
                attributes[name.lowercased()] = ""
            }
        }
        return attributes
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// `href`s of all `<a>` elements.
    var links: [String] { tags.filter { $0.name == "a" }.compactMap { $0.attributes["href"] } }

    var ids: Set<String> { Set(tags.compactMap { $0.attributes["id"] }) }

    func count(of tagName: String) -> Int { tags.filter { $0.name == tagName }.count }
}
