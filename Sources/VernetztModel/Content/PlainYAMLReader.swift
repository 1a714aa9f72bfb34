import VernetztEngine

/// Reads the front matter nearly every file has — `key: value` lines at the left margin whose
/// values are plain or quoted text on one line, `[a, "b"]` lists, or `- item` lists below their
/// key — straight from the bytes, in a fraction of the time Yams takes to build a node tree.
///
/// Anything else (nested keys, block text, comments after a value, escapes, tabs, a key given
/// twice, anything YAML would read differently or refuse) gives nil, and Yams reads the file:
/// so error messages stay Yams' own. A test holds both readers to the same values and positions.
package enum PlainYAMLReader {
    package static func read(_ yaml: Substring) -> YAMLValue? {
        if let result = yaml.utf8.withContiguousStorageIfAvailable(read) { return result }
        return Array(yaml.utf8).withUnsafeBufferPointer(read)
    }

    private static let space = UInt8(ascii: " ")
    private static let newline = UInt8(ascii: "\n")
    private static let colon = UInt8(ascii: ":")
    private static let hash = UInt8(ascii: "#")
    private static let dash = UInt8(ascii: "-")
    private static let comma = UInt8(ascii: ",")
    private static let openBracket = UInt8(ascii: "[")
    private static let closeBracket = UInt8(ascii: "]")
    private static let doubleQuote = UInt8(ascii: "\"")
    private static let singleQuote = UInt8(ascii: "'")
    private static let backslash = UInt8(ascii: "\\")
    /// Keys checked for doubles by comparing each with those before; beyond, by hashing.
    private static let keysCompared = 32

    /// Characters that give a plain value another meaning when they start it (YAML's indicators).
    private static let indicators = Set("-?:,[]{}#&*!|>'\"%@`".utf8)

    private static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> YAMLValue? {
        guard hasOnlyPlainCharacters(bytes) else { return nil }
        var entries: [YAMLValue.Entry] = []
        var names: [String] = []
        var hashedNames = Set<String>()
        /// The last key while its value is empty: `- item` lines below it make its list, which
        /// starts (and has its indent) at its first item.
        var openKey: (entry: Int, list: (indent: Int, at: YAMLPosition)?, items: [YAMLValue])?
        var line = 0
        var start = 0
        func closeList() {
            guard let open = openKey else { return }
            if let list = open.list { entries[open.entry].value = .list(open.items, at: list.at) }
            openKey = nil
        }
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != newline { end += 1 }
            line += 1
            defer { start = end + 1 }
            var first = start
            while first < end, bytes[first] == space { first += 1 }
            if first == end || (first == start && bytes[first] == hash) { continue }  // blank, or a comment

            if first > start || bytes[first] == dash {
                // A list item: only below a key with no value, all items equally indented.
                guard var open = openKey, bytes[first] == dash, first + 1 < end, bytes[first + 1] == space,
                      open.list == nil || open.list?.indent == first - start else { return nil }
                var valueStart = first + 2
                while valueStart < end, bytes[valueStart] == space { valueStart += 1 }
                guard valueStart < end,
                      let item = blockValue(bytes, valueStart, end, line: line, lineStart: start),
                      case .text = item else { return nil }
                if open.list == nil { open.list = (first - start, position(bytes, line, start, first)) }
                open.items.append(item)
                openKey = open
                continue
            }

            closeList()
            var keyEnd = first
            while keyEnd < end, isKeyCharacter(bytes[keyEnd]) { keyEnd += 1 }
            guard keyEnd > first, keyEnd - first <= 128, keyEnd < end, bytes[keyEnd] == colon else { return nil }
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<keyEnd]), as: UTF8.self)
            // A key twice: Yams names it. A front matter's dozen keys are compared faster than
            // hashed; past a few dozen (a generated or broken file) they are hashed, as comparing
            // each with all grows with the square (100,000 keys: 8 s).
            if names.count < Self.keysCompared {
                guard !names.contains(name) else { return nil }
                names.append(name)
            } else {
                if hashedNames.isEmpty { hashedNames = Set(names) }
                guard hashedNames.insert(name).inserted else { return nil }
            }
            let key = YAMLValue.text(name, plain: true, at: YAMLPosition(line: line, column: 1))
            var valueStart = keyEnd + 1
            guard valueStart == end || bytes[valueStart] == space else { return nil }
            while valueStart < end, bytes[valueStart] == space { valueStart += 1 }
            if valueStart == end {
                // Empty so far: null (placed just after the colon, as libyaml does), unless list items follow.
                let null = YAMLValue.text("", plain: true, at: position(bytes, line, start, keyEnd + 1))
                entries.append(YAMLValue.Entry(key: key, value: null))
                openKey = (entries.count - 1, nil, [])
                continue
            }
            guard let value = blockValue(bytes, valueStart, end, line: line, lineStart: start) else { return nil }
            entries.append(YAMLValue.Entry(key: key, value: value))
        }
        closeList()
        guard let firstKey = entries.first?.key else { return nil }  // empty: Yams says what that is
        return .keys(entries, at: firstKey.position)
    }

    /// A value that fills the rest of its line: quoted text, a flow list, or plain text.
    private static func blockValue(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int,
                                   line: Int, lineStart: Int) -> YAMLValue? {
        let at = position(bytes, line, lineStart, start)
        switch bytes[start] {
        case openBracket:
            return flowList(bytes, start, end, line: line, lineStart: lineStart)
        case doubleQuote, singleQuote:
            guard let (text, after) = quoted(bytes, start, end), isBlank(bytes, after, end) else { return nil }
            return .text(text, plain: false, at: at)
        default:
            guard !indicators.contains(bytes[start]) else { return nil }
            var index = start
            while index < end {
                let byte = bytes[index]
                // `: ` would start a mapping, ` #` a comment; a final `:` is refused by YAML.
                if byte == colon && (index + 1 == end || bytes[index + 1] == space) { return nil }
                if byte == hash && bytes[index - 1] == space { return nil }
                index += 1
            }
            return .text(trimmedText(bytes, start, end), plain: true, at: at)
        }
    }

    /// `[a, "b", 'c']` on one line.
    private static func flowList(_ bytes: UnsafeBufferPointer<UInt8>, _ open: Int, _ end: Int,
                                 line: Int, lineStart: Int) -> YAMLValue? {
        let at = position(bytes, line, lineStart, open)
        var items: [YAMLValue] = []
        var index = skipSpaces(bytes, open + 1, end)
        if index < end, bytes[index] == closeBracket {
            return isBlank(bytes, index + 1, end) ? .list([], at: at) : nil
        }
        while index < end {
            let itemAt = position(bytes, line, lineStart, index)
            let byte = bytes[index]
            if byte == doubleQuote || byte == singleQuote {
                guard let (text, after) = quoted(bytes, index, end) else { return nil }
                items.append(.text(text, plain: false, at: itemAt))
                index = skipSpaces(bytes, after, end)
            } else {
                guard !indicators.contains(byte) else { return nil }
                var itemEnd = index
                while itemEnd < end, bytes[itemEnd] != comma, bytes[itemEnd] != closeBracket {
                    switch bytes[itemEnd] {
                    case colon, openBracket, UInt8(ascii: "{"), UInt8(ascii: "}"): return nil
                    case hash where bytes[itemEnd - 1] == space: return nil
                    default: itemEnd += 1
                    }
                }
                items.append(.text(trimmedText(bytes, index, itemEnd), plain: true, at: itemAt))
                index = itemEnd
            }
            guard index < end else { return nil }  // the list goes on below: Yams reads it
            if bytes[index] == closeBracket {
                return isBlank(bytes, index + 1, end) ? .list(items, at: at) : nil
            }
            guard bytes[index] == comma else { return nil }
            index = skipSpaces(bytes, index + 1, end)
            guard index < end, bytes[index] != closeBracket, bytes[index] != comma else { return nil }
        }
        return nil
    }

    /// Quoted text that closes on its line, and the index after the closing quote. Double-quoted
    /// text with escapes is left to Yams; in single quotes, `''` is one quote.
    private static func quoted(_ bytes: UnsafeBufferPointer<UInt8>, _ open: Int, _ end: Int) -> (String, Int)? {
        let quote = bytes[open]
        var pieces: [UInt8] = []
        var index = open + 1
        var pieceStart = index
        while index < end {
            let byte = bytes[index]
            if quote == doubleQuote && byte == backslash { return nil }
            if byte == quote {
                if quote == singleQuote, index + 1 < end, bytes[index + 1] == singleQuote {
                    pieces.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[pieceStart...index]))
                    index += 2
                    pieceStart = index
                    continue
                }
                if pieces.isEmpty {
                    return (String(decoding: UnsafeBufferPointer(rebasing: bytes[pieceStart..<index]), as: UTF8.self), index + 1)
                }
                pieces.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[pieceStart..<index]))
                return (String(decoding: pieces, as: UTF8.self), index + 1)
            }
            index += 1
        }
        return nil
    }

    /// No tab, carriage return or control character, and none of the line breaks and
    /// non-characters beyond ASCII that libyaml treats specially (NEL, U+2028/9, U+FEFF, U+FFFE/F).
    private static func hasOnlyPlainCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // The text is valid UTF-8, so a lead byte is followed by its continuation bytes.
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0xC2:
                if bytes[index + 1] < 0xA0 { return false }  // C1 controls, NEL
            case 0xE2:
                if bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9) { return false }
            case 0xEF:
                if bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF { return false }
                if bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE { return false }
            default:
                if byte < 0x20 && byte != newline || byte == 0x7F { return false }
            }
            index += 1
        }
        return true
    }

    private static func isKeyCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), dash: true
        default: false
        }
    }

    /// Line and column of `index`, the column counted in Unicode scalars from the line start.
    private static func position(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Int, _ lineStart: Int, _ index: Int) -> YAMLPosition {
        var column = 1
        for offset in lineStart..<index where bytes[offset] & 0xC0 != 0x80 { column += 1 }
        return YAMLPosition(line: line, column: column)
    }

    private static func skipSpaces(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var index = start
        while index < end, bytes[index] == space { index += 1 }
        return index
    }

    private static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        skipSpaces(bytes, start, end) == end
    }

    private static func trimmedText(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        var last = end
        while last > start, bytes[last - 1] == space { last -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<last]), as: UTF8.self)
    }
}
