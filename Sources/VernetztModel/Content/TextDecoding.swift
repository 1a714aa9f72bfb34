import Glibc
import VernetztEngine

/// Turns file bytes into text the way editors on every system save it: UTF-8 with or without
/// a BOM, with LF or CRLF line ends, composed or not (the text is composed, NFC). Anything else
/// is reported at its line and column.
public enum TextDecoding {
    public static func decode(_ bytes: [UInt8], path: String) throws(Diagnostic) -> String {
        String(decoding: try decodeBytes(bytes, path: path), as: UTF8.self)
    }

    /// `decode` without making a String: the checked UTF-8 without its BOM, line ends as LF,
    /// composed. A copy is made only when there are carriage returns to replace or characters
    /// to compose.
    public static func decodeBytes(_ bytes: [UInt8], path: String) throws(Diagnostic) -> ArraySlice<UInt8> {
        let content = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        let (check, hasCarriageReturn) = content.withUnsafeBufferPointer { buffer in
            (UTF8Check.check(buffer),
             !buffer.isEmpty && memchr(buffer.baseAddress!, Int32(UInt8(ascii: "\r")), buffer.count) != nil)
        }
        if let invalid = check.firstInvalid {
            throw .error(invalidPosition(content, at: content.startIndex + invalid, path: path), .notUTF8)
        }
        let unified = hasCarriageReturn ? unifyLineEnds(content) : content
        return check.mayNeedComposing ? UnicodeComposition.composed(unified) : unified
    }

    /// CRLF and lone CR as LF.
    private static func unifyLineEnds(_ content: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var unified: [UInt8] = []
        unified.reserveCapacity(content.count)
        var afterCarriageReturn = false
        for byte in content {
            if byte == UInt8(ascii: "\n") && afterCarriageReturn {
                afterCarriageReturn = false
                continue
            }
            afterCarriageReturn = byte == UInt8(ascii: "\r")
            unified.append(afterCarriageReturn ? UInt8(ascii: "\n") : byte)
        }
        return unified[...]
    }

    /// Line and column of the byte at `offset`, the first that breaks UTF-8.
    private static func invalidPosition(_ bytes: ArraySlice<UInt8>, at offset: Int, path: String) -> SourceLocation {
        let before = bytes[..<offset]
        let line = before.count { $0 == UInt8(ascii: "\n") } + 1
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? bytes.startIndex
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
        return SourceLocation(path: path, line: line, column: column)
    }
}
