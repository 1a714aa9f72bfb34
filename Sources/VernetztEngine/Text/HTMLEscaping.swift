/// Escapes text for HTML content and attribute values in double quotes (`& < > " '`), and drops
/// the characters HTML forbids — controls other than tab and line breaks (C0, DEL, C1), U+FFFE
/// and U+FFFF — as the feeds and calendars do. Works on UTF-8 bytes and copies the runs that
/// need nothing in one go: every value of every page passes through here.
public enum HTMLEscaping {
    public static func attribute(_ text: String) -> String {
        var out: [UInt8] = []
        escape(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    package static func escape(_ text: String, into output: inout [UInt8]) {
        var text = text
        text.withUTF8 { escape($0, into: &output) }
    }

    /// Bytes that start something to replace or drop: `& < > " '`, C0 controls but tab and line
    /// breaks, DEL, and the lead bytes of C1 controls (C2) and U+FFFE/U+FFFF (EF).
    private static let special: [Bool] = (0...255).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
        case UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): false
        case 0..<0x20, 0x7F, 0xC2, 0xEF: true
        default: false
        }
    }

    static func escape(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        var copied = 0
        var index = 0
        special.withUnsafeBufferPointer { special in
            while index < bytes.count {
                guard special[Int(bytes[index])] else {
                    index += 1
                    continue
                }
                let replacement: StaticString
                var length = 1
                switch bytes[index] {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                case 0xC2 where index + 1 < bytes.count && bytes[index + 1] < 0xA0:  // U+0080…U+009F
                    replacement = ""
                    length = 2
                case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE:  // U+FFFE, U+FFFF
                    replacement = ""
                    length = 3
                case 0xC2, 0xEF:
                    index += 1
                    continue
                default:
                    replacement = ""  // C0 controls and DEL
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
                output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                index += length
                copied = index
            }
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
    }
}
