import Yams

/// Composes YAML into Yams' node tree (which keeps every value's line and column), turning
/// YAML syntax errors into diagnostics at the file position.
enum YAMLDocument {
    static func compose(_ yaml: String, path: String, firstLine: Int) -> Result<Node?, Diagnostic> {
        if let anchor = YAMLAnchorCheck.firstAnchor(in: Substring(yaml)) {
            return .failure(.error(SourceLocation(path: path, line: anchor.line + firstLine - 1, column: anchor.column),
                "YAML anchors and aliases (& and *) are not supported: write the value out, or quote text that starts with & or *"))
        }
        do {
            // The basic resolver tags every scalar as text: the field reader decides what a value
            // means, and no regular expression runs per scalar.
            return .success(try Yams.compose(yaml: yaml, .basic))
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, path: path, firstLine: firstLine))
        } catch {
            return .failure(.error(SourceLocation(path: path, line: firstLine), "invalid YAML: \(error)"))
        }
    }

    private static func diagnostic(for error: YamlError, path: String, firstLine: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(path: path, line: mark.line + firstLine - 1, column: max(mark.column, 1))
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = "invalid YAML: \(problem)"
            if let context { message += " \(context.text)" }
            if problem.contains("mapping values are not allowed") {
                message += " (hint: quote the text: it contains a colon)"
            } else if problem.contains("tab") {
                message += " (hint: indent with spaces, not tabs)"
            }
            return .error(at(mark), message)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error(at(context.mark),
                          "duplicate key '\(duplicates.first ?? "")': each key may appear once")
        default:
            return .error(SourceLocation(path: path, line: firstLine), "invalid YAML: \(error)")
        }
    }
}
