import VernetztEngine
import VernetztModel

/// The site's Mustache layouts, compiled once: `post`, `list`, `home`, `redirect`, `base`,
/// `partials/…`, named by their path below the layouts folder without `.mustache`.
public struct LayoutLibrary: Sendable {
    private let program: TemplateProgram
    let folder: String
    public let names: Set<String>

    /// The layout a document of `kind` is rendered with: its own, else the generic `single`.
    public func layout(for kind: ContentKind) -> String? {
        if names.contains(kind.layoutName) { return kind.layoutName }
        return names.contains("single") ? "single" : nil
    }

    public static func compile(_ files: [SourceFile], folder: String) throws(BuildFailure) -> LayoutLibrary {
        var templates: [String: [TemplateNode]] = [:]
        var references: [String: [TemplateParser.Reference]] = [:]
        var paths: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        for file in files {
            let name = String(file.path.dropFirst(folder.count + 1).dropLast(".mustache".count))
            do throws(Diagnostic) {
                let text = try TextDecoding.decode(file.bytes, path: file.path)
                do throws(Diagnostic) {
                    (templates[name], references[name]) = try TemplateParser.compileWithReferences(text, path: file.path)
                    paths[name] = file.path
                } catch {
                    diagnostics.append(error)
                }
            } catch {
                diagnostics.append(error)
            }
        }
        diagnostics += LayoutGraph(references: references, paths: paths).diagnostics()
        if !diagnostics.isEmpty { throw BuildFailure(diagnostics) }
        return LayoutLibrary(program: TemplateProgram(templates), folder: folder, names: Set(templates.keys))
    }

    /// Fails with one diagnostic per layout the site needs but the folder lacks.
    public func requireLayouts(_ needed: [(name: String, reason: Message.Phrase)]) throws(BuildFailure) {
        let missing = needed.filter { !names.contains($0.name) }
        guard missing.isEmpty else {
            throw BuildFailure(missing.map {
                .error(SourceLocation(path: "\(folder)/\($0.name).mustache"), .layoutNeeded($0.reason))
            })
        }
    }

    /// The page's bytes, as they are written.
    func render(_ context: TemplateObject, with layout: String) -> [UInt8] {
        TemplateRenderer(program: program).render(layout, context)
    }

    /// A fragment that goes into other HTML (an embedded quote).
    func renderText(_ context: TemplateObject, with layout: String) -> String {
        String(decoding: render(context, with: layout), as: UTF8.self)
    }
}
