import VernetztEngine

/// The values of a kind's (or an object's) fields, in the order the schema declares them; nil
/// where the file left a field out and it has no default.
public struct FieldValues: Sendable {
    let values: [FieldValue?]

    public subscript(field: FieldSchema) -> FieldValue? { values[field.index] }

    public func text(_ field: FieldSchema?) -> String? { field.flatMap { self[$0]?.text } }

    public func date(_ field: FieldSchema?) -> ContentDate? { field.flatMap { self[$0]?.date } }

    public func bool(_ field: FieldSchema?) -> Bool {
        guard let field, case .bool(let flag)? = self[field] else { return false }
        return flag
    }

    public func number(_ field: FieldSchema?) -> Int? {
        guard let field, case .number(let number)? = self[field] else { return nil }
        return number
    }

    public func texts(_ field: FieldSchema?) -> [String] {
        guard let field, case .texts(let texts)? = self[field] else { return [] }
        return texts
    }

    public func references(_ field: FieldSchema?) -> [Reference] {
        guard let field, case .references(let references)? = self[field] else { return [] }
        return references
    }

    public func object(_ field: FieldSchema?) -> FieldValues? {
        guard let field, case .object(let values)? = self[field] else { return nil }
        return values
    }

    /// A nested field by name (the place of an event's `location`).
    func text(named name: String, in fields: [FieldSchema]) -> String? {
        text(fields.first { $0.name == name })
    }
}
