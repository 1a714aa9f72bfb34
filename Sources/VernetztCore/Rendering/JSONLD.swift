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
    /// line separators JavaScript once refused in strings (U+2028, U+2029: E2 80 A8/A9).
    static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var copied = 0
            var index = 0
            func escape(_ replacement: String, length: Int = 1) {
                out += UnsafeBufferPointer(rebasing: bytes[copied..<index])
                out += replacement.utf8
                copied = index + length
            }
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""): escape("\\\"")
                case UInt8(ascii: "\\"): escape("\\\\")
                case UInt8(ascii: "\n"): escape("\\n")
                case UInt8(ascii: "\r"): escape("\\r")
                case UInt8(ascii: "\t"): escape("\\t")
                case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), 0..<0x20: escape(hex(UInt32(byte)))
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    escape(bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029", length: 3)
                    index += 2
                default: break
                }
                index += 1
            }
            out += UnsafeBufferPointer(rebasing: bytes[copied...])
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
    }
}
