import VernetztEngine
import VernetztModel

/// Escapes text for XML content and attribute values, and drops characters XML 1.0 forbids
/// (controls other than tab and line breaks, U+FFFE, U+FFFF). Works on UTF-8 bytes: feeds
/// carry whole bodies.
enum XMLEscaping {
    static func escape(_ text: String) -> String {
        var out: [UInt8] = []
        escape(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func escape(_ text: String, into out: inout [UInt8]) {
        var text = text
        text.withUTF8 { escape($0, into: &out) }
    }

    static func escape(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.reserveCapacity(out.count + bytes.count + 64)
        var copied = 0
        var index = 0
        func flush(replacingUpTo end: Int, with replacement: StaticString?) {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
            if let replacement {
                out.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            }
            copied = end
        }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "&"): flush(replacingUpTo: index + 1, with: "&amp;")
            case UInt8(ascii: "<"): flush(replacingUpTo: index + 1, with: "&lt;")
            case UInt8(ascii: ">"): flush(replacingUpTo: index + 1, with: "&gt;")
            case UInt8(ascii: "\""): flush(replacingUpTo: index + 1, with: "&quot;")
            case UInt8(ascii: "'"): flush(replacingUpTo: index + 1, with: "&apos;")
            case UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): break
            case 0..<0x20: flush(replacingUpTo: index + 1, with: nil)
            case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE:
                // U+FFFE and U+FFFF (EF BF BE, EF BF BF)
                flush(replacingUpTo: index + 3, with: nil)
                index += 2
            default: break
            }
            index += 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<bytes.count]))
    }
}
