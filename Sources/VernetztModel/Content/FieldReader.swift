import VernetztEngine

/// Reads typed fields out of a YAML mapping, reporting each problem at the exact line and column,
/// and remembering which keys were asked for so that unknown keys (typos) can be reported.
///
/// Written by hand rather than through `Decodable`: a decoder cannot say *where* a value was,
/// and cannot reject keys it was never asked for.
public struct FieldReader {
    public let path: String
    private let lineOffset: Int
    private let entries: [(key: String, keyNode: YAMLValue, value: YAMLValue)]
    private let mappingLocation: SourceLocation
    /// False when the YAML is not keys and values: that is reported once, and nothing is "missing".
    private let isMapping: Bool
    private var known: [String] = []
    public private(set) var diagnostics: [Diagnostic] = []
    public let dates: DateParser
    /// Words an editor may write for a key (`autoren` for `authors`), as `Slug.make` spells
    /// them: an unknown key that is one of them is answered with the key it means.
    var keyWords: [String: String] = [:]

    /// `node` is the composed YAML; `firstLine` is the file line of the YAML's first line;
    /// `missingAt` is where a missing key is reported (default: the line before the YAML).
    init(node: YAMLValue?, path: String, firstLine: Int, dates: DateParser, missingAt: SourceLocation? = nil) {
        self.path = path
        self.lineOffset = firstLine - 1
        self.dates = dates
        self.mappingLocation = missingAt ?? SourceLocation(path: path, line: max(firstLine - 1, 1), column: 1)
        var entries: [(key: String, keyNode: YAMLValue, value: YAMLValue)] = []  // labelled, as stored: no cast per element
        var diagnostics: [Diagnostic] = []
        var isMapping = true
        switch node {
        case .none:
            break
        case .some(.keys(let mapping, _)):
            for entry in mapping {
                guard let name = entry.key.text else {
                    diagnostics.append(.error(Self.location(of: entry.key, path: path, offset: firstLine - 1),
                                              .keyNotPlain))
                    continue
                }
                entries.append((name, entry.key, entry.value))
            }
        case .some(let other):
            isMapping = false
            diagnostics.append(.error(Self.location(of: other, path: path, offset: firstLine - 1),
                                      .expectedKeys(found: other.shape)))
        }
        self.entries = entries
        self.diagnostics = diagnostics
        self.isMapping = isMapping
    }

    // MARK: Positions

    static func location(of node: YAMLValue, path: String, offset: Int) -> SourceLocation {
        SourceLocation(path: path, line: node.position.line + offset, column: node.position.column)
    }

    func location(of node: YAMLValue) -> SourceLocation {
        Self.location(of: node, path: path, offset: lineOffset)
    }

    /// Where the key itself stands, or the start of the mapping when it is missing.
    public func keyLocation(_ key: String) -> SourceLocation {
        guard let index = index(of: key) else { return mappingLocation }
        return location(of: entries[index].keyNode)
    }

    /// Where the key's value stands, or the key (the mapping) when there is none.
    public func valueLocation(_ key: String) -> SourceLocation {
        guard let index = index(of: key) else { return mappingLocation }
        return location(of: entries[index].value)
    }

    /// Where `key` is among the entries. Through a buffer pointer, the scan reads the keys only:
    /// going through the entries would copy (and retain) both nodes of each it passes, for every
    /// field of every file.
    private func index(of key: String) -> Int? {
        entries.withUnsafeBufferPointer { entries in entries.indices.first { entries[$0].key == key } }
    }

    public mutating func error(_ location: SourceLocation, _ message: Message) {
        diagnostics.append(.error(location, message))
    }

    public mutating func warning(_ location: SourceLocation, _ message: Message) {
        diagnostics.append(.warning(location, message))
    }

    // MARK: Raw access

    /// Whether the mapping has `key` (with a value or without).
    public func contains(_ key: String) -> Bool { index(of: key) != nil }

    /// The keys as written, in order, with where each stands (a schema's kinds and fields).
    func keyedEntries() -> [(key: String, location: SourceLocation, value: YAMLValue)] {
        entries.map { ($0.key, location(of: $0.keyNode), $0.value) }
    }

    /// Marks `key` as known without reading it (read through `keyedEntries`).
    mutating func accept(_ key: String) { known.append(key) }

    /// The value for `key`, or nil when missing or null (`key:` with nothing after it).
    mutating func value(_ key: String, required: Bool = false) -> YAMLValue? {
        known.append(key)
        guard let index = index(of: key), !entries[index].value.isNull else {
            if required && isMapping { error(mappingLocation, .keyMissing(key)) }
            return nil
        }
        return entries[index].value
    }

    // MARK: Typed fields

    public mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let node = value(key, required: required) else { return nil }
        return scalarText(node, key: key)
    }

    /// The text of a scalar node, or an error naming the key.
    mutating func scalarText(_ node: YAMLValue, key: String) -> String? {
        guard let text = node.text else {
            error(location(of: node), .mustBeText(key, found: node.shape))
            return nil
        }
        return text
    }

    /// A list of texts; a single value is accepted as a list of one.
    public mutating func strings(_ key: String) -> [(text: String, location: SourceLocation)] {
        guard let node = value(key) else { return [] }
        let items: [YAMLValue]
        switch node {
        case .list(let list, _): items = list
        case .text(let text, plain: true, _) where text.contains(","):
            // `tags: Wirkung, Evaluation` is one text in YAML, not two entries (in quotes it is meant so).
            let entries = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            error(location(of: node), .listWrittenAsText(key, entries: entries))
            return []
        case .text: items = [node]
        case .keys:
            error(location(of: node), .mustBeList(key, found: node.shape))
            return []
        }
        var out: [(text: String, location: SourceLocation)] = []  // labelled: an unlabelled array is cast element by element on return
        for item in items {
            guard let text = item.text else {
                error(location(of: item), .listEntryNotText(key, found: item.shape))
                continue
            }
            out.append((text, location(of: item)))
        }
        return out
    }

    public mutating func bool(_ key: String) -> Bool? {
        guard let node = value(key) else { return nil }
        guard case .text(let text, plain: true, _) = node, ["true", "false", "True", "False", "TRUE", "FALSE"].contains(text) else {
            error(location(of: node), .mustBeBool(key))
            return nil
        }
        return text.lowercased() == "true"
    }

    public mutating func int(_ key: String) -> Int? {
        guard let node = value(key) else { return nil }
        guard let text = node.text, let number = Int(text) else {
            error(location(of: node), .mustBeWholeNumber(key))
            return nil
        }
        return number
    }

    public mutating func date(_ key: String, required: Bool = false) -> ContentDate? {
        guard let node = value(key, required: required) else { return nil }
        guard let text = node.text, let date = dates.parse(text) else {
            let written = node.text ?? node.shape.words.en
            error(location(of: node), .invalidDate(written, key: key, problem: node.text.flatMap(dates.reason) ?? .shape))
            return nil
        }
        return date
    }

    /// A web address: http(s) or mailto; anything else (javascript:, data:) is refused.
    public mutating func url(_ key: String, required: Bool = false) -> String? {
        guard let node = value(key, required: required), let text = scalarText(node, key: key) else { return nil }
        let lowered = text.lowercased()
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://") || lowered.hasPrefix("mailto:") else {
            error(location(of: node), .mustBeWebAddress(key))
            return nil
        }
        if let character = ControlCharacters.first(in: text) {
            error(location(of: node), .forbiddenCharacter(key, character))
            return nil
        }
        return text
    }

    /// A file path (an image beside the text or in static/): no control characters.
    public mutating func path(_ key: String) -> String? {
        guard let node = value(key), let text = scalarText(node, key: key) else { return nil }
        if let character = ControlCharacters.first(in: text, allowingSpaces: true) {
            error(location(of: node), .forbiddenCharacter(key, character))
            return nil
        }
        return text
    }

    /// An e-mail address (`name@example.org`), as the page's `mailto:` link uses it.
    public mutating func email(_ key: String) -> String? {
        guard let node = value(key), let text = scalarText(node, key: key) else { return nil }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        let forbidden = Set(" <>()[]\\,;:\"/?#")
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              ControlCharacters.first(in: text) == nil, !text.contains(where: forbidden.contains) else {
            error(location(of: node), .notEmail(key, text))
            return nil
        }
        return text
    }

    /// One of a fixed set of words.
    public mutating func choice(_ key: String, among allowed: [String]) -> String? {
        guard let node = value(key), let text = scalarText(node, key: key) else { return nil }
        guard allowed.contains(text) else {
            error(location(of: node), .notAmong(key, text, allowed: allowed))
            return nil
        }
        return text
    }

    /// A list of ids; one named twice counts once, with a warning.
    public mutating func references(_ key: String, to kind: ContentKind, field: FieldSchema) -> [Reference] {
        let entries = strings(key)
        // Lists are short: a set only for long ones.
        var seen = entries.count > 16 ? Set<String>(minimumCapacity: entries.count) : []
        var references: [Reference] = []
        references.reserveCapacity(entries.count)
        for (id, location) in entries {
            let repeated = entries.count > 16 ? !seen.insert(id).inserted : references.contains { $0.id == id }
            guard !repeated else {
                warning(location, .listedTwice(id, key: key))
                continue
            }
            references.append(Reference(kind: kind, id: id, field: field, location: location))
        }
        return references
    }

    public mutating func reference(_ key: String, to kind: ContentKind, field: FieldSchema) -> Reference? {
        guard let node = value(key), let id = scalarText(node, key: key) else { return nil }
        return Reference(kind: kind, id: id, field: field, location: location(of: node))
    }

    /// A nested mapping, read with its own reader; its findings join this one's in `finish`.
    public mutating func nested(_ key: String) -> FieldReader? {
        guard let node = value(key) else { return nil }
        guard case .keys = node else {
            error(location(of: node), .mustHaveKeys(key, found: node.shape))
            return nil
        }
        return FieldReader(node: node, path: path, firstLine: lineOffset + 1, dates: dates)
    }

    public mutating func absorb(_ other: inout FieldReader) {
        other.finish()
        diagnostics += other.diagnostics
    }

    /// Reports every key that no field asked for, with the nearest known key as a hint.
    public mutating func finish() {
        for index in entries.indices where !known.contains(entries[index].key) {
            let entry = entries[index]
            let meant = keyWords[Slug.make(entry.key)].flatMap { known.contains($0) ? $0 : nil }
            error(location(of: entry.keyNode), .unknownKey(entry.key, meant: meant, known: known))
        }
        known = entries.map(\.key)  // finishing twice reports nothing twice
    }
}
