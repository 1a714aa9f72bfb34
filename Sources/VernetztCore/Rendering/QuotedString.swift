/// A double-quoted string as JSON and YAML both read it: `\"`, `\\`, `\n`, `\r`, `\t`, and
/// `\uXXXX` for other control characters and for whatever else the caller names. Written as
/// UTF-8 bytes, the runs that need nothing copied whole: every item page's JSON-LD comes here.
enum QuotedString {
    static func quoted(_ text: String, alsoEscaping extra: (Unicode.Scalar) -> Bool) -> String {
        var out: [UInt8] = []
        write(text, into: &out, alsoEscaping: extra)
        return String(decoding: out, as: UTF8.self)
    }

    static func write(_ text: String, into out: inout [UInt8], alsoEscaping extra: (Unicode.Scalar) -> Bool) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var copied = 0
            var index = 0
            while index < bytes.count {
                let (scalar, length) = Self.scalar(at: index, in: bytes)
                let replacement: String? = switch scalar {
                case "\"": "\\\""
                case "\\": "\\\\"
                case "\n": "\\n"
                case "\r": "\\r"
                case "\t": "\\t"
                default: scalar.value < 0x20 || extra(scalar) ? Self.hex(scalar) : nil
                }
                if let replacement {
                    out += UnsafeBufferPointer(rebasing: bytes[copied..<index])
                    out += replacement.utf8
                    copied = index + length
                }
                index += length
            }
            out += UnsafeBufferPointer(rebasing: bytes[copied...])
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The scalar whose UTF-8 starts at `index` (the text is valid UTF-8), and its length.
    private static func scalar(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        var value = length == 1 ? lead : lead & (0xFF >> (length + 1))
        for offset in 1..<max(length, 1) { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    private static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
