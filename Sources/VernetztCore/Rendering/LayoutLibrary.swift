import Mustache

/// The site's Mustache layouts, compiled once: `post`, `list`, `home`, `redirect`, `base`,
/// `partials/…`, named by their path below the layouts folder without `.mustache`.
public struct LayoutLibrary: Sendable {
    let library: MustacheLibrary
    let folder: String
    public let names: Set<String>

    /// The layout a document of `kind` is rendered with: its own, else the generic `single`.
    public func layout(for kind: ContentKind) -> String? {
        if names.contains(kind.layoutName) { return kind.layoutName }
        return names.contains("single") ? "single" : nil
    }

    public static func compile(_ files: [SourceFile], folder: String) -> Result<LayoutLibrary, BuildFailure> {
        var templates: [String: MustacheTemplate] = [:]
        var diagnostics: [Diagnostic] = []
        for file in files {
            let name = String(file.path.dropFirst(folder.count + 1).dropLast(".mustache".count))
            switch TextDecoding.decode(file.bytes, path: file.path) {
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
            case .success(let text):
                do {
                    templates[name] = try MustacheTemplate(string: text)
                } catch let error as MustacheTemplate.ParserError {
                    let context = error.context
                    diagnostics.append(.error(SourceLocation(path: file.path, line: context.lineNumber, column: context.columnNumber),
                                              "layout error: \(error.error)"))
                } catch {
                    diagnostics.append(.error(SourceLocation(path: file.path), "layout error: \(error)"))
                }
            }
        }
        if !diagnostics.isEmpty { return .failure(BuildFailure(diagnostics)) }
        return .success(LayoutLibrary(library: MustacheLibrary(templates: templates), folder: folder,
                                      names: Set(templates.keys)))
    }

    /// Fails with one diagnostic per layout the site needs but the folder lacks.
    public func requireLayouts(_ needed: [(name: String, reason: String)]) throws(BuildFailure) {
        let missing = needed.filter { !names.contains($0.name) }
        guard missing.isEmpty else {
            throw BuildFailure(missing.map {
                .error(SourceLocation(path: "\(folder)/\($0.name).mustache"), "missing layout: \($0.reason)")
            })
        }
    }

    public func render(_ context: [String: Any], with layout: String) -> String {
        library.render(context, withTemplate: layout) ?? ""
    }
}
