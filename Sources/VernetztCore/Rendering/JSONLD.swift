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

    private static func writeString(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
