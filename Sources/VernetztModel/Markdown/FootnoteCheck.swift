import CMarkGFM
import Glibc
import VernetztEngine

/// Footnotes cmark-gfm would let go without a word: a definition `[^2]: …` that the text never
/// refers to is left off the page, and a reference `[^3]` without a definition stays in the
/// text as those four characters. Both are warnings at their place. Bodies without `[^` (nearly
/// all) are passed at memchr's speed.
struct FootnoteCheck {
    /// The lines (of the body) where the definitions the tree kept (those referred to) start:
    /// cmark-gfm gives a definition node no label, only its place.
    private var kept = Set<Int>()
    /// Lines (of the body) of code and HTML blocks, where `[^2]:` is no definition.
    private var verbatim: [ClosedRange<Int>] = []
    /// Text nodes that hold `[^`: references cmark-gfm found no definition for.
    private var texts: [OpaquePointer] = []

    private static let opening = Array("[^".utf8)

    static func applies(to body: ArraySlice<UInt8>) -> Bool {
        body.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return false }
            var at = 0
            while at < bytes.count, let hit = memchr(base + at, Int32(UInt8(ascii: "[")), bytes.count - at) {
                at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
                if at < bytes.count, base[at] == UInt8(ascii: "^") { return true }
            }
            return false
        }
    }

    /// Notes what the check needs from one node of the parsed tree (every node, in order).
    mutating func visit(_ node: OpaquePointer) {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_FOOTNOTE_DEFINITION:
            kept.insert(Int(cmark_node_get_start_line(node)))
        case CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK:
            verbatim.append(Int(cmark_node_get_start_line(node))...Int(max(cmark_node_get_start_line(node), cmark_node_get_end_line(node))))
        case CMARK_NODE_TEXT:
            if let literal = cmark_node_get_literal(node), strstr(literal, "[^") != nil { texts.append(node) }
        default:
            break
        }
    }

    /// The warnings: `place(line, column)` turns a body position (line from 1, byte column
    /// from 1) into the file's; `at(node)` is a node's place.
    func findings(in body: ArraySlice<UInt8>, place: (Int, Int) -> SourceLocation,
                  at: (OpaquePointer) -> SourceLocation) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var lineNumber = 0
        for line in body.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            let start = Self.startOfBlock(in: line)
            guard let label = Self.label(in: line[start...], definition: true),
                  !kept.contains(lineNumber), !verbatim.contains(where: { $0.contains(lineNumber) }) else { continue }
            found.append(.warning(place(lineNumber, start - line.startIndex + 1), .footnoteNeverReferred(label)))
        }
        for node in texts {
            guard let literal = cmark_node_get_literal(node) else { continue }
            let text = Array(String(cString: literal).utf8)[...]
            var rest = text
            while let start = rest.firstRange(of: Self.opening) {
                rest = rest[start.upperBound...]
                guard let label = Self.label(in: text[start.lowerBound...], definition: false) else { continue }
                var location = at(node)
                location.column += String(decoding: text[..<start.lowerBound], as: UTF8.self).count
                found.append(.warning(location, .footnoteMissing(label)))
            }
        }
        return found
    }

    /// Where a line's block begins after the marks of the quotes and the list item it is in
    /// (`> `, `- `, `1. `), each after up to three spaces, as a definition in them may stand.
    private static func startOfBlock(in line: ArraySlice<UInt8>) -> ArraySlice<UInt8>.Index {
        var at = line.startIndex
        func skipIndent() {
            var spaces = 0
            while spaces < 3, at < line.endIndex, line[at] == UInt8(ascii: " ") { at += 1; spaces += 1 }
        }
        func skipSpaces() {
            while at < line.endIndex, line[at] == UInt8(ascii: " ") { at += 1 }
        }
        while true {
            skipIndent()
            guard at < line.endIndex, line[at] == UInt8(ascii: ">") else { break }
            at += 1
            if at < line.endIndex, line[at] == UInt8(ascii: " ") { at += 1 }
        }
        var marker = at
        while marker < line.endIndex, marker - at < 9, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(line[marker]) { marker += 1 }
        let bullet = marker == at && at < line.endIndex && [UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+")].contains(line[at])
        let ordered = marker > at && marker < line.endIndex && (line[marker] == UInt8(ascii: ".") || line[marker] == UInt8(ascii: ")"))
        if bullet || ordered {
            let after = bullet ? at + 1 : marker + 1
            if after < line.endIndex, line[after] == UInt8(ascii: " ") {
                at = after
                skipSpaces()
            }
        } else {
            // A list item's following lines are indented by its marker's width.
            skipSpaces()
        }
        return at
    }

    /// The label of `[^label]` (followed by `:` for a definition) at the start of `text`.
    private static func label(in text: ArraySlice<UInt8>, definition: Bool) -> String? {
        guard text.starts(with: opening) else { return nil }
        let name = text.dropFirst(2).prefix { $0 != UInt8(ascii: "]") && $0 > 0x20 }
        let after = text.dropFirst(2 + name.count)
        guard !name.isEmpty, after.first == UInt8(ascii: "]") else { return nil }
        if definition, after.dropFirst().first != UInt8(ascii: ":") { return nil }
        return String(decoding: name, as: UTF8.self)
    }
}
