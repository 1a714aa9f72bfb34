import VernetztEngine

/// A reference from one item to another, as written: from a front-matter field or an `@kind/id` link.
public struct Reference: Sendable, Hashable {
    public var kind: ContentKind
    public var id: String
    /// `#fragment` of an `@` link, without the `#`.
    public var fragment: String?
    /// The front-matter field (`formats`), or nil for a link in the body.
    public var field: FieldSchema?
    public var location: SourceLocation

    public init(kind: ContentKind, id: String, fragment: String? = nil, field: FieldSchema?, location: SourceLocation) {
        self.kind = kind
        self.id = id
        self.fragment = fragment
        self.field = field
        self.location = location
    }
}
