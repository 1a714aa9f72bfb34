import VernetztEngine

/// Splits a content file into its YAML front matter and Markdown body.
public struct FrontMatterSplit: Sendable {
    public var yaml: Substring
    public var body: Substring
    /// File line of the first front-matter line (after the opening `---`).
    public var yamlFirstLine: Int
    /// File line of the first body line.
    public var bodyFirstLine: Int
}

public enum FrontMatterSplitter {
    /// Expects a UTF-8 text (BOM and CRLF already handled) starting with a `---` line.
    /// Scans line by line only up to the closing `---`; the body is not touched.
    public static func split(_ text: String, path: String) throws(Diagnostic) -> FrontMatterSplit {
        let bytes = text.utf8
        var lineStart = bytes.startIndex
        var lineNumber = 0
        var yamlStart = bytes.startIndex
        while lineStart < bytes.endIndex || lineNumber == 0 {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            let line = text[lineStart..<lineEnd].trimmingTrailingSpaces
            lineNumber += 1
            let next = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : lineEnd
            if lineNumber == 1 {
                guard line == "---" else {
                    throw .error(SourceLocation(path: path), .frontMatterMissing)
                }
                yamlStart = next
            } else if line == "---" || line == "..." {
                return FrontMatterSplit(yaml: text[yamlStart..<lineStart], body: text[next...],
                                        yamlFirstLine: 2, bodyFirstLine: lineNumber + 1)
            }
            if lineEnd == bytes.endIndex { break }
            lineStart = next
        }
        throw .error(SourceLocation(path: path), .frontMatterUnclosed)
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " || self[index(before: end)] == "\t" {
            end = index(before: end)
        }
        return self[startIndex..<end]
    }
}
