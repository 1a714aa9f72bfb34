import VernetztEngine

/// What a field means to vernetzt beyond showing it, named by a field's `role:`.
public enum FieldRole: String, CaseIterable, Sendable {
    /// A reference to the people who wrote the item: feed authors, JSON-LD `author`.
    case authors
    /// Free words that get a page each (`/schlagwoerter/<wort>/`), feed categories, related items.
    case tags
}
