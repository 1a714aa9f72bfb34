/// Splits a content file into its YAML front matter and Markdown body.
public struct FrontMatterSplit: Sendable {
    public var yaml: String
    public var body: String
    /// File line of the first front-matter line (after the opening `---`).
    public var yamlFirstLine: Int
    /// File line of the first body line.
    public var bodyFirstLine: Int
}

public enum FrontMatterSplitter {
    /// Expects a UTF-8 text (BOM and CRLF already handled) starting with a `---` line.
    public static func split(_ text: String, path: String) -> Result<FrontMatterSplit, Diagnostic> {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        guard let first = lines.first, first.trimmingTrailingSpaces == "---" else {
            return .failure(.error(SourceLocation(path: path),
                                   "missing front matter: the file must start with a line '---'"))
        }
        for index in 1..<max(lines.count, 1) where lines[index].trimmingTrailingSpaces == "---"
            || lines[index].trimmingTrailingSpaces == "..." {
            let yaml = lines[1..<index].joined(separator: "\n")
            let body = lines[(index + 1)...].joined(separator: "\n")
            return .success(FrontMatterSplit(yaml: yaml, body: body, yamlFirstLine: 2, bodyFirstLine: index + 2))
        }
        return .failure(.error(SourceLocation(path: path),
                               "front matter is never closed: add a line '---' after it"))
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
