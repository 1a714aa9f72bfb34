/// What a layout can show: text (escaped by `{{ }}`, as is by `{{{ }}}`), a flag that opens or
/// hides a section, a number, an object whose keys the layout looks up, or a list a section
/// repeats. A closed set: rendering switches over it with no casts.
package enum TemplateValue: Sendable {
    case text(String)
    /// Text as UTF-8 bytes (a rendered body), shown like `text`.
    case utf8([UInt8])
    case flag(Bool)
    case number(Int)
    case object(TemplateObject)
    case list([TemplateValue])

    /// The text, when this is text.
    package var text: String? {
        if case .text(let text) = self { return text }
        return nil
    }

    /// The value of `key`, when this is an object that has it.
    package func member(_ key: TemplateKey) -> TemplateValue? {
        if case .object(let object) = self { object[key] } else { nil }
    }

    /// The object, when this is one.
    package var object: TemplateObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    /// A list of objects.
    package static func objects(_ objects: [TemplateObject]) -> TemplateValue {
        .list(objects.map(TemplateValue.object))
    }

    /// A list of texts, each reached with `{{.}}`.
    package static func texts(_ texts: [String]) -> TemplateValue {
        .list(texts.map(TemplateValue.text))
    }

    /// Whether a section over this value opens (Mustache's truthiness: false and empty lists
    /// hide it; text, even empty, and numbers show it).
    package var isTruthy: Bool {
        switch self {
        case .flag(let flag): return flag
        case .list(let list): return !list.isEmpty
        case .text, .utf8, .number, .object: return true
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral {
    package init(stringLiteral value: String) { self = .text(value) }
    package init(booleanLiteral value: Bool) { self = .flag(value) }
    package init(integerLiteral value: Int) { self = .number(value) }
}
