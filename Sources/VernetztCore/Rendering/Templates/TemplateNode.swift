/// One piece of a compiled Mustache template. Not `indirect`: the children sit in arrays
/// already, and a boxed case would cost an allocation and a pointer chase per node.
enum TemplateNode: Sendable {
    /// Literal text, kept as UTF-8 bytes ready to append.
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}` (as is).
    case variable(TemplateName, escaped: Bool)
    /// `{{#name}}…{{/name}}`.
    case section(TemplateName, [TemplateNode])
    /// `{{^name}}…{{/name}}`.
    case inverted(TemplateName, [TemplateNode])
    /// `{{> name}}`.
    case partial(String)
    /// `{{<name}}…{{/name}}`: render `name` with the blocks given inside.
    case parent(String, blocks: [String: [TemplateNode]])
    /// `{{$name}}default{{/name}}`.
    case block(String, [TemplateNode])
}

/// A (dotted) name as written, split and interned once at compile time: `site.title` → the
/// keys of "site" and "title". `.` is the current item; `first()` and `last()` ask where in a
/// list the item stands.
struct TemplateName: Sendable {
    var keys: [TemplateKey]
    /// `first()` or `last()`, told apart once here rather than at every lookup.
    var position: PositionQuery?

    enum PositionQuery: Sendable { case first, last }

    init(_ raw: String) {
        keys = raw == "." ? [] : raw.split(separator: ".").map { TemplateKey(String($0)) }
        position = raw == "first()" ? .first : raw == "last()" ? .last : nil
    }
}
