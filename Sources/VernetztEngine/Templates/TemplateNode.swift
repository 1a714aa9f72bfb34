/// One piece of a compiled Mustache template. Not `indirect`: the children sit in arrays
/// already, and a boxed case would cost an allocation and a pointer chase per node.
package enum TemplateNode: Sendable {
    /// Literal text, kept as UTF-8 bytes ready to append.
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}` (as is).
    case variable(TemplateName, escaped: Bool)
    /// `{{#name}}…{{/name}}`.
    case section(TemplateName, [TemplateNode])
    /// `{{^name}}…{{/name}}`.
    case inverted(TemplateName, [TemplateNode])
    /// `{{> name}}`; `indent` is the white space before a tag that stands alone on its line,
    /// which every line of the partial gets.
    case partial(String, indent: [UInt8])
    /// `{{<name}}…{{/name}}`: render `name` with the blocks given inside (each a `.block`);
    /// `indent` as for a partial.
    case parent(String, blocks: [String: TemplateNode], indent: [UInt8])
    /// `{{$name}}default{{/name}}`; `standalone` with the white space before its tag when the
    /// tag stands alone on its line (content given for it is then indented as the tag is).
    case block(String, [TemplateNode], standalone: Bool, indent: [UInt8])
}

/// A (dotted) name as written, split and interned once at compile time: `site.title` → the
/// keys of "site" and "title". `.` is the current item; `first()` and `last()` ask where in a
/// list the item stands.
package struct TemplateName: Sendable {
    package var keys: [TemplateKey]
    /// `first()` or `last()`, told apart once here rather than at every lookup.
    package var position: PositionQuery?

    package enum PositionQuery: Sendable { case first, last }

    package init(_ raw: String) {
        keys = raw == "." ? [] : raw.split(separator: ".").map { TemplateKey(String($0)) }
        position = raw == "first()" ? .first : raw == "last()" ? .last : nil
    }
}
