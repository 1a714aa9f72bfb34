import VernetztEngine
import VernetztModel

/// What the link stage found in one document: its references and `@` links resolved, its
/// embeds, the items it points to (their backlinks), and the problems on the way. Each
/// document's are worked out on their own, in parallel.
struct ResolvedDocument {
    var references = ReferenceTargets()
    var resolvedLinks: [String: String] = [:]
    var embeds: [String: Int] = [:]
    /// Items this one refers or links to, itself left out.
    var targets: [Int] = []
    var diagnostics: [Diagnostic] = []
}
