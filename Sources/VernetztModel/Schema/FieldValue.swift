import VernetztEngine

/// A field's value as read from a file, already checked against its type.
public enum FieldValue: Sendable {
    /// text, url, email, phone, enum, image.
    case text(String)
    case markdown(MarkdownBody)
    case date(ContentDate)
    case bool(Bool)
    case number(Int)
    /// A reference, one or many, in the order written.
    case references([Reference])
    /// A list of texts.
    case texts([String])
    case object(FieldValues)

    var text: String? {
        if case .text(let text) = self { return text }
        return nil
    }

    var date: ContentDate? {
        if case .date(let date) = self { return date }
        return nil
    }

    /// Whether the value says anything: an empty list or `false` does not.
    package var isPresent: Bool {
        switch self {
        case .bool(let flag): flag
        case .references(let references): !references.isEmpty
        case .texts(let texts): !texts.isEmpty
        default: true
        }
    }
}
