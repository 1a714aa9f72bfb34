import VernetztEngine
import VernetztModel

/// Serialises schema.org data for a `<script type="application/ld+json">` element: keys sorted
/// (deterministic output), and `<`, `>`, `&` and the JavaScript line separators escaped, so that
/// no value — a title with `</script>` in it, say — can end the script element. Written as
/// UTF-8 bytes, and handed to the layout so (a String would check them once more): every item
/// page has one.
enum JSONLD {
    static func script(_ object: JSONValue) -> [UInt8] {
        var root = object
        root["@context"] = "https://schema.org"
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        out += "<script type=\"application/ld+json\">".utf8
        write(root, into: &out)
        out += "</script>".utf8
        return out
    }

    private static func write(_ value: JSONValue, into out: inout [UInt8]) {
        switch value {
        case .string(let text):
            writeString(text, into: &out)
        case .object(let entries):
            out.append(UInt8(ascii: "{"))
            // Byte order: the same for every run and machine. The places are sorted, not the
            // entries: moving an entry copies (and retains) its key and its value.
            entries.withUnsafeBufferPointer { entries in
                var order = Array(entries.indices)
                order.sort { ByteOrder.precedes(entries[$0].key, entries[$1].key) }
                for (n, index) in order.enumerated() {
                    if n > 0 { out.append(UInt8(ascii: ",")) }
                    writeString(entries[index].key, into: &out)
                    out.append(UInt8(ascii: ":"))
                    write(entries[index].value, into: &out)
                }
            }
            out.append(UInt8(ascii: "}"))
        case .array(let list):
            out.append(UInt8(ascii: "["))
            for (n, item) in list.enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                write(item, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
    }

    /// `<`, `>` and `&` too, so that nothing in a value can end the script element, the line
    /// separators JavaScript once refused in strings, and what HTML forbids in a document (DEL,
    /// C1 controls, U+FFFE, U+FFFF): as `\uXXXX`, never raw.
    private static func writeString(_ text: String, into out: inout [UInt8]) {
        quoting.write(text, into: &out)
    }

    private static let quoting = QuotedString { scalar in
        switch scalar.value {
        case 0x3C, 0x3E, 0x26, 0x2028, 0x2029, 0x7F...0x9F, 0xFFFE, 0xFFFF: true
        default: false
        }
    }
}
