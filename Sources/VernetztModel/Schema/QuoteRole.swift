import VernetztEngine

/// The fields that make a kind's items quotes: embeddable with `![](@folder/id)`, named by
/// their source when they have no title. Named in the schema under `quote:`.
public struct QuoteRole: Sendable {
    /// A text field: who says it.
    public var source: FieldSchema
    /// A reference field: the format (or other item) the quote is about, linked under the quote.
    public var context: FieldSchema?
}
