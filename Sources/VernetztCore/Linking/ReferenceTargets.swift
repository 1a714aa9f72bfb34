import VernetztEngine
import VernetztModel

/// One document's front-matter references, resolved: per field, the documents it names, in
/// the order written. A handful of fields at most, so a list scanned in order.
public struct ReferenceTargets: Sendable {
    public private(set) var fields: [(field: FieldSchema, targets: [Int])] = []

    public subscript(field: FieldSchema?) -> [Int] {
        guard let field else { return [] }
        return fields.first { $0.field === field }?.targets ?? []
    }

    mutating func append(_ target: Int, to field: FieldSchema) {
        if let i = fields.firstIndex(where: { $0.field === field }) {
            fields[i].targets.append(target)
        } else {
            fields.append((field, [target]))
        }
    }

    public var isEmpty: Bool { fields.isEmpty }
}
