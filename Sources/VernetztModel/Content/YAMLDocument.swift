import Yams
import VernetztEngine

/// Reads YAML into values that keep their line and column: the plain shapes of front matter
/// directly, the rest through Yams, whose syntax errors become diagnostics at the file position.
package enum YAMLDocument {
    static func compose(_ yaml: Substring, path: String, firstLine: Int) throws(Diagnostic) -> YAMLValue? {
        if let anchor = YAMLAnchorCheck.firstAnchor(in: yaml) {
            throw .error(SourceLocation(path: path, line: anchor.line + firstLine - 1, column: anchor.column),
                .yamlAnchor)
        }
        if let plain = PlainYAMLReader.read(yaml) { return plain }
        do {
            return try composeWithYams(yaml)
        } catch let error as YamlError {
            // A tab in a line's indentation is the commonest cause, whatever Yams says about it.
            if let tab = firstIndentingTab(in: yaml) {
                throw .error(SourceLocation(path: path, line: tab.line + firstLine - 1, column: tab.column),
                             .yamlTab)
            }
            throw diagnostic(for: error, path: path, firstLine: firstLine, yaml: yaml)
        } catch {
            throw .error(SourceLocation(path: path, line: firstLine), .yamlSyntax("\(error)", context: nil, hint: .none))
        }
    }

    /// The whole of YAML. The basic resolver tags every scalar as text: the field reader decides
    /// what a value means, and no regular expression runs per scalar. The encoding is named:
    /// Yams' default reads the environment on every call.
    package static func composeWithYams(_ yaml: Substring) throws -> YAMLValue? {
        try Yams.compose(yaml: String(yaml), .basic, .default, .utf8).map(YAMLValue.init)
    }

    /// Line and column (from 1) of the first tab among the spaces that begin a line.
    static func firstIndentingTab(in yaml: Substring) -> (line: Int, column: Int)? {
        for (number, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let indentation = line.prefix { $0 == " " || $0 == "\t" }
            if let tab = indentation.firstIndex(of: "\t") {
                return (number + 1, indentation.distance(from: indentation.startIndex, to: tab) + 1)
            }
        }
        return nil
    }

    /// Word's and LibreOffice's quotes, which YAML reads as letters.
    static let typographicQuotes: Set<Character> = ["„", "“", "”", "‚", "‘", "’", "«", "»"]

    private static func diagnostic(for error: YamlError, path: String, firstLine: Int, yaml: Substring) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(path: path, line: mark.line + firstLine - 1, column: max(mark.column, 1))
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
            let line = lines.dropFirst(max(mark.line - 1, 0)).first ?? ""
            let previous = lines.prefix(max(mark.line - 1, 0)).last { !$0.allSatisfy(\.isWhitespace) } ?? ""
            func indentation(_ text: Substring) -> Int { text.prefix { $0 == " " }.count }
            var hint = Message.YAMLHint.none
            if problem.contains("mapping values are not allowed"), line.contains(where: typographicQuotes.contains) {
                hint = .typographicQuotes
            } else if problem.contains("mapping values are not allowed"), indentation(line) > indentation(previous) {
                // `  draft: true` under `summary: Kurz`: YAML reads it as more of the summary.
                hint = .indentation
            } else if problem.contains("mapping values are not allowed") {
                hint = .colon
            } else if problem.contains("tab") {
                hint = .tab
            }
            // A list or mapping in brackets left open: libyaml notices at the next line's key,
            // but the mistake is the bracket it names as the context.
            if problem.contains("did not find expected ','"), let context, context.text.contains("flow") {
                return .error(at(context.mark), .yamlSyntax(problem, context: context.text, hint: hint))
            }
            return .error(at(mark), .yamlSyntax(problem, context: context?.text, hint: hint))
        case .reader(let problem, let offset, _, let yaml):
            // The reader counts bytes from the start of the YAML; turn that into line and column.
            let bytes = Array(yaml.utf8.prefix(offset ?? 0))
            let line = bytes.filter { $0 == UInt8(ascii: "\n") }.count + 1
            let lineStart = (bytes.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 }) ?? 0
            let column = String(decoding: bytes[lineStart...], as: UTF8.self).count + 1
            return .error(SourceLocation(path: path, line: line + firstLine - 1, column: column), .yamlSyntax(problem, context: nil, hint: .none))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error(at(context.mark), .yamlDuplicateKey(duplicates.first ?? ""))
        default:
            return .error(SourceLocation(path: path, line: firstLine), .yamlSyntax("\(error)", context: nil, hint: .none))
        }
    }
}
