import Glibc
import VernetztEngine

/// Splits a content file into its YAML front matter and Markdown body.
public struct FrontMatterSplit: Sendable {
    public var yaml: Substring
    /// The body's UTF-8, checked already (`TextDecoding.decodeBytes`): it goes to cmark-gfm as
    /// it is, without becoming a String.
    public var body: ArraySlice<UInt8>
    /// File line of the first front-matter line (after the opening `---`).
    public var yamlFirstLine: Int
    /// File line of the first body line.
    public var bodyFirstLine: Int
}

public enum FrontMatterSplitter {
    /// Expects checked UTF-8 (BOM and CRLF already handled) starting with a `---` line.
    /// Scans line by line only up to the closing `---`; the body is not touched.
    public static func split(_ text: ArraySlice<UInt8>, path: String) throws(Diagnostic) -> FrontMatterSplit {
        // Line by line on the bytes (memchr to each line end), only up to the closing `---`.
        let found = text.withUnsafeBufferPointer { bytes -> (yamlStart: Int, yamlEnd: Int, bodyStart: Int, bodyLine: Int)? in
            guard let base = bytes.baseAddress, isMarker(bytes, 0, lineEnd(bytes, base, 0), allowsDots: false) else { return nil }
            var lineStart = 0
            var lineNumber = 1
            var yamlStart = -1
            while true {
                let end = lineEnd(bytes, base, lineStart)
                let next = min(end + 1, bytes.count)
                if lineNumber == 1 {
                    yamlStart = next
                } else if isMarker(bytes, lineStart, end, allowsDots: true) {
                    return (yamlStart, lineStart, next, lineNumber + 1)
                }
                if end >= bytes.count { return (-1, -1, -1, -1) }
                lineStart = next
                lineNumber += 1
            }
        }
        guard let found else { throw .error(SourceLocation(path: path), .frontMatterMissing) }
        guard found.yamlStart >= 0 else { throw .error(SourceLocation(path: path), .frontMatterUnclosed) }
        let start = text.startIndex
        let yaml = String(decoding: text[(start + found.yamlStart)..<(start + found.yamlEnd)], as: UTF8.self)
        return FrontMatterSplit(yaml: yaml[...], body: text[(start + found.bodyStart)...], yamlFirstLine: 2, bodyFirstLine: found.bodyLine)
    }

    /// The offset of the line end (`\n`) at or after `start`, or the end of the text.
    private static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ base: UnsafePointer<UInt8>, _ start: Int) -> Int {
        guard start < bytes.count, let hit = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start) else { return bytes.count }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// Whether the line `start..<end` is `---` (or `...`, which also closes YAML), with spaces
    /// or tabs after it.
    private static func isMarker(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, allowsDots: Bool) -> Bool {
        var last = end
        while last > start, bytes[last - 1] == UInt8(ascii: " ") || bytes[last - 1] == UInt8(ascii: "\t") { last -= 1 }
        guard last - start == 3 else { return false }
        let mark = bytes[start]
        guard mark == UInt8(ascii: "-") || (allowsDots && mark == UInt8(ascii: ".")) else { return false }
        return bytes[start + 1] == mark && bytes[start + 2] == mark
    }
}
