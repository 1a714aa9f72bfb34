import VernetztEngine

/// A field's value as read from a file, already checked against its type. Bodies and dates
/// are boxed (`indirect`): unboxed, every value of every field of every document would be as
/// large as they are (80 bytes instead of 17: 90 MB more at 100,000 posts).
public enum FieldValue: Sendable {
    /// text, url, email, phone, enum, image.
    case text(String)
    indirect case markdown(MarkdownBody)
    indirect case date(ContentDate)
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
