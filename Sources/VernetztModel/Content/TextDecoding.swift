import Glibc
import VernetztEngine

/// Turns file bytes into text the way editors on every system save it: UTF-8 with or without
/// a BOM, with LF or CRLF line ends. Anything else is reported at its line and column.
public enum TextDecoding {
    public static func decode(_ bytes: [UInt8], path: String) throws(Diagnostic) -> String {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        let content = bytes[start...]
        // Validating a buffer is the fast path; a generic collection goes byte by byte.
        let decoded = bytes.withUnsafeBufferPointer { String(validating: UnsafeBufferPointer(rebasing: $0[start...]), as: UTF8.self) }
        guard let text = decoded else {
            throw .error(invalidPosition(content, path: path), .notUTF8)
        }
        let hasCarriageReturn = bytes.withUnsafeBufferPointer { buffer in
            !buffer.isEmpty && memchr(buffer.baseAddress!, Int32(UInt8(ascii: "\r")), buffer.count) != nil
        }
        if !hasCarriageReturn { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// Line and column of the first byte that breaks UTF-8.
    private static func invalidPosition(_ bytes: ArraySlice<UInt8>, path: String) -> SourceLocation {
        var line = 1
        var lineStart = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            let end = index + length
            if length == 0 || end > bytes.endIndex
                || String(validating: bytes[index..<end], as: UTF8.self) == nil {
                let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).count + 1
                return SourceLocation(path: path, line: line, column: column)
            }
            if byte == 0x0A {
                line += 1
                lineStart = end
            }
            index = end
        }
        return SourceLocation(path: path, line: line, column: 1)
    }
}
