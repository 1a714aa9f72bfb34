/// The keys and values of one view model. A handful to a few dozen keys, looked up by a
/// linear scan over interned keys: for so few, cheaper than hashing, and it keeps the order
/// keys were set in.
package struct TemplateObject: Sendable, ExpressibleByDictionaryLiteral {
    private var entries: [(key: TemplateKey, value: TemplateValue)]

    package init() {
        entries = []
    }

    package init(dictionaryLiteral elements: (TemplateKey, TemplateValue)...) {
        entries = []
        entries.reserveCapacity(elements.count)
        for (key, value) in elements { self[key] = value }
    }

    package var isEmpty: Bool { entries.isEmpty }

    /// Setting nil removes the key.
    package subscript(key: TemplateKey) -> TemplateValue? {
        get {
            // Through a buffer pointer, the scan reads the keys only: iterating the entries
            // would copy (and retain) every value it passes.
            entries.withUnsafeBufferPointer { entries in
                for index in entries.indices where entries[index].key == key { return entries[index].value }
                return nil
            }
        }
        set {
            let index = entries.withUnsafeBufferPointer { entries in entries.indices.first { entries[$0].key == key } }
            switch (index, newValue) {
            case (let index?, let value?): entries[index].value = value
            case (let index?, nil): entries.remove(at: index)
            case (nil, let value?): entries.append((key, value))
            case (nil, nil): break
            }
        }
    }

    /// Sets text when there is some (an optional field left empty sets nothing).
    package mutating func set(_ key: TemplateKey, _ text: String?) {
        if let text { self[key] = .text(text) }
    }

    /// Sets an object when there is one (a link group that came out empty sets nothing).
    package mutating func set(_ key: TemplateKey, _ object: TemplateObject?) {
        if let object { self[key] = .object(object) }
    }

    /// Every key of `other`, replacing those already here.
    package mutating func merge(_ other: TemplateObject) {
        entries.reserveCapacity(entries.count + other.entries.count)
        for (key, value) in other.entries { self[key] = value }
    }
}
