/// The partials and parents the layouts name, checked before anything is rendered: each must
/// exist, and none may lead back to itself — rendering such a cycle would never end (a partial
/// that includes itself, two partials that include each other, two layouts that inherit from
/// each other). Recursive partials are refused even inside a section: a site's view models are
/// no trees that would need them.
package struct LayoutGraph {
    package var references: [String: [TemplateParser.Reference]]
    /// Each layout's file, for the messages.
    package var paths: [String: String]

    package init(references: [String: [TemplateParser.Reference]], paths: [String: String]) {
        self.references = references
        self.paths = paths
    }

    package func diagnostics() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for name in references.keys.sorted() {
            for reference in references[name] ?? [] where references[reference.name] == nil {
                diagnostics.append(.error(location(name, reference), .layoutMissing(reference.name, isParent: reference.isParent)))
            }
        }
        // Depth-first search; a reference to a layout still on the path closes a cycle.
        var finished = Set<String>()
        var path: [String] = []
        func visit(_ name: String) {
            path.append(name)
            for reference in references[name] ?? [] where references[reference.name] != nil {
                if let start = path.firstIndex(of: reference.name) {
                    let cycle = (path[start...] + [reference.name]).joined(separator: " → ")
                    diagnostics.append(.error(location(name, reference),
                                              .layoutCycle(name, isParent: reference.isParent, target: reference.name, cycle: cycle)))
                } else if !finished.contains(reference.name) {
                    visit(reference.name)
                }
            }
            path.removeLast()
            finished.insert(name)
        }
        for name in references.keys.sorted() where !finished.contains(name) { visit(name) }
        return diagnostics
    }

    private func location(_ name: String, _ reference: TemplateParser.Reference) -> SourceLocation {
        SourceLocation(path: paths[name] ?? name, line: reference.line, column: reference.column)
    }
}
