/// Serialises schema.org data for a `<script type="application/ld+json">` element: keys sorted
/// (deterministic output), and `<`, `>`, `&` and the JavaScript line separators escaped, so that
/// no value — a title with `</script>` in it, say — can end the script element.
enum JSONLD {
    static func script(_ object: [String: Any]) -> String {
        var root = object
        root["@context"] = "https://schema.org"
        var out = "<script type=\"application/ld+json\">"
        write(root, into: &out)
        return out + "</script>"
    }

    private static func write(_ value: Any, into out: inout String) {
        switch value {
        case let text as String:
            writeString(text, into: &out)
        case let flag as Bool:
            out += flag ? "true" : "false"
        case let number as Int:
            out += String(number)
        case let object as [String: Any]:
            out += "{"
            for (n, key) in object.keys.sorted().enumerated() {
                if n > 0 { out += "," }
                writeString(key, into: &out)
                out += ":"
                write(object[key]!, into: &out)
            }
            out += "}"
        case let list as [Any]:
            out += "["
            for (n, item) in list.enumerated() {
                if n > 0 { out += "," }
                write(item, into: &out)
            }
            out += "]"
        default:
            out += "null"
        }
    }

    /// `<`, `>` and `&` too, so that nothing in a value can end the script element, and the
    /// line separators JavaScript once refused in strings.
    private static func writeString(_ text: String, into out: inout String) {
        out += QuotedString.quoted(text) { "<>&\u{2028}\u{2029}".unicodeScalars.contains($0) }
    }
}
