/// Serialises schema.org data for a `<script type="application/ld+json">` element: keys sorted
/// (deterministic output), and `<`, `>`, `&` and the JavaScript line separators escaped, so that
/// no value — a title with `</script>` in it, say — can end the script element. Written as
/// UTF-8 bytes: every item page has one.
enum JSONLD {
    static func script(_ object: [String: Any]) -> String {
        var root = object
        root["@context"] = "https://schema.org"
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        out += "<script type=\"application/ld+json\">".utf8
        write(root, into: &out)
        out += "</script>".utf8
        return String(decoding: out, as: UTF8.self)
    }

    private static func write(_ value: Any, into out: inout [UInt8]) {
        switch value {
        case let text as String:
            writeString(text, into: &out)
        case let flag as Bool:
            out += (flag ? "true" : "false").utf8
        case let number as Int:
            out += String(number).utf8
        case let object as [String: Any]:
            out.append(UInt8(ascii: "{"))
            // Byte order: the same for every run and machine.
            for (n, key) in object.keys.sorted(by: ByteOrder.precedes).enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                writeString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                write(object[key]!, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        case let list as [Any]:
            out.append(UInt8(ascii: "["))
            for (n, item) in list.enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                write(item, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        default:
            out += "null".utf8
        }
    }

    /// `<`, `>` and `&` too, so that nothing in a value can end the script element, and the
    /// line separators JavaScript once refused in strings.
    private static func writeString(_ text: String, into out: inout [UInt8]) {
        QuotedString.write(text, into: &out) { scalar in
            switch scalar {
            case "<", ">", "&", "\u{2028}", "\u{2029}": true
            default: false
            }
        }
    }
}
