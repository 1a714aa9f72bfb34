import VernetztEngine
import VernetztModel

/// A JSON value for structured data: a closed set of cases the writer switches over, where a
/// dictionary of `Any` needed a dynamic cast per value. Objects keep their keys in a list;
/// `JSONLD` writes them sorted.
enum JSONValue: Sendable, ExpressibleByStringLiteral, ExpressibleByDictionaryLiteral, ExpressibleByArrayLiteral {
    case string(String)
    case object([(key: String, value: JSONValue)])
    case array([JSONValue])

    init(stringLiteral value: String) { self = .string(value) }
    init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(elements.map { ($0, $1) }) }
    init(arrayLiteral elements: JSONValue...) { self = .array(elements) }

    /// Sets `key` in an object (replacing an earlier value); nil leaves the object as it is.
    subscript(key: String) -> JSONValue? {
        get {
            guard case .object(let entries) = self else { return nil }
            return entries.first { $0.key == key }?.value
        }
        set {
            guard case .object(var entries) = self, let newValue else { return }
            if let index = entries.firstIndex(where: { $0.key == key }) { entries[index].value = newValue }
            else { entries.append((key, newValue)) }
            self = .object(entries)
        }
    }
}
