/// A double-quoted string as JSON and YAML both read it: `\"`, `\\`, `\n`, `\r`, `\t`, and
/// `\uXXXX` for other control characters and for whatever else the caller names. Made once per
/// kind of caller: the caller's choice is tabled for ASCII, so that a run of plain letters is
/// passed over byte by byte and copied whole (every item page's JSON-LD comes here), and asked
/// only of the other scalars.
struct QuotedString: Sendable {
    /// For each ASCII byte, whether it is written as an escape.
    private let asciiEscaped: [Bool]
    private let alsoEscaping: @Sendable (Unicode.Scalar) -> Bool

    init(alsoEscaping extra: @escaping @Sendable (Unicode.Scalar) -> Bool) {
        alsoEscaping = extra
        asciiEscaped = (0..<128).map { (byte: UInt8) -> Bool in
            byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || extra(Unicode.Scalar(byte))
        }
    }

    func quoted(_ text: String) -> String {
        var out: [UInt8] = []
        write(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    func write(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            asciiEscaped.withUnsafeBufferPointer { asciiEscaped in
                var copied = 0
                var index = 0
                while index < bytes.count {
                    let byte = bytes[index]
                    let length: Int
                    let replacement: String
                    if byte < 0x80 {
                        guard asciiEscaped[Int(byte)] else {
                            index += 1
                            continue
                        }
                        length = 1
                        replacement = switch byte {
                        case UInt8(ascii: "\""): "\\\""
                        case UInt8(ascii: "\\"): "\\\\"
                        case UInt8(ascii: "\n"): "\\n"
                        case UInt8(ascii: "\r"): "\\r"
                        case UInt8(ascii: "\t"): "\\t"
                        default: Self.hex(UInt32(byte))
                        }
                    } else {
                        let scalar: Unicode.Scalar
                        (scalar, length) = Self.scalar(at: index, in: bytes)
                        guard alsoEscaping(scalar) else {
                            index += length
                            continue
                        }
                        replacement = Self.hex(scalar.value)
                    }
                    out += UnsafeBufferPointer(rebasing: bytes[copied..<index])
                    out += replacement.utf8
                    index += length
                    copied = index
                }
                out += UnsafeBufferPointer(rebasing: bytes[copied...])
            }
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

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
