/// Compiles Mustache source into `TemplateNode`s: variables, sections, inverted sections,
/// partials, comments, set delimiters, and template inheritance (parents and blocks). Lines that
/// hold only a section, comment, partial, delimiter or block tag leave no blank line behind (the
/// spec's "standalone" rule); a standalone partial indents its lines as its tag is indented.
package struct TemplateParser {

    /// A partial (`{{> name}}`) or parent (`{{< name}}`) a template names, where it names it.
    package struct Reference {
        package var name: String
        package var isParent: Bool
        package var line: Int
        package var column: Int
    }

    private let source: [UInt8]
    /// The template's file, named in its errors.
    private let path: String
    private var position = 0
    private var references: [Reference] = []
    /// The tag delimiters, `{{` and `}}` until a `{{=<% %>=}}` tag changes them.
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)
    /// The sigils of the sections, blocks and parents open at `position`, innermost last.
    private var openSigils: [UInt8] = []
    /// A line of parent and block tags that stands alone: where its last tag ends, and the
    /// start of the next line, where parsing goes on once that tag is read.
    private var lineSkip: (lastTagEnd: Int, nextLine: Int)?
    /// Lines counted up to an offset: how many, and where the last one starts.
    private typealias LineCount = (offset: Int, line: Int, lineStart: Int)
    /// Lines counted up to the last partial named: the next counts on from there.
    private var lineCount: LineCount = (0, 1, 0)

    package init(_ text: String, path: String) {
        source = Array(text.utf8)
        self.path = path
    }

    /// The nodes of `text`; a mistake in it is an error at its line and column in `path`.
    package static func compile(_ text: String, path: String = "template") throws(Diagnostic) -> [TemplateNode] {
        try compileWithReferences(text, path: path).nodes
    }

    /// The nodes and every partial and parent named, for the library's checks across layouts.
    package static func compileWithReferences(_ text: String, path: String) throws(Diagnostic) -> (nodes: [TemplateNode], references: [Reference]) {
        var parser = TemplateParser(text, path: path)
        let (nodes, closing) = try parser.parse(until: nil)
        if let closing { throw parser.failure(.templateClosesNothing(closing)) }
        return (nodes, parser.references)
    }

    /// Nodes up to the closing tag of `open` (or the end); returns the closing name found.
    private mutating func parse(until open: String?) throws(Diagnostic) -> ([TemplateNode], String?) {
        var nodes: [TemplateNode] = []
        var text: [UInt8] = []
        func flush() {
            if !text.isEmpty { nodes.append(.text(text)); text = [] }
        }
        while position < source.count {
            guard startsTag(at: position) else {
                // The text up to the next byte that could open a tag, copied at once.
                var next = position + 1
                while next < source.count && source[next] != self.open[0] { next += 1 }
                text.append(contentsOf: source[position..<next])
                position = next
                continue
            }
            let tagStart = position
            let (sigil, name, tagEnd) = try readTag()
            var end = tagEnd
            var indent: [UInt8] = []
            var standalone = false
            // A standalone tag: only white space on its line before and after it.
            if "#^/!>$<=".utf8.contains(sigil), let (lineStart, lineEnd) = standaloneLine(tagStart, end) {
                indent = Array(source[lineStart..<tagStart])
                text.removeLast(tagStart - lineStart)
                end = lineEnd
                standalone = true
            } else if lineSkip == nil, let (lineStart, lastTagEnd, nextLine) = standaloneInheritanceLine(tagStart) {
                // `{{<parent}}{{$block}}` alone on a line stands alone as one tag would.
                indent = Array(source[lineStart..<tagStart])
                text.removeLast(tagStart - lineStart)
                lineSkip = (lastTagEnd, nextLine)
                standalone = true
            } else if lineSkip != nil, sigil == UInt8(ascii: "$") || sigil == UInt8(ascii: "<") {
                standalone = true
            }
            if let skip = lineSkip, tagEnd == skip.lastTagEnd {
                end = skip.nextLine
                lineSkip = nil
            }
            position = end
            if "#^$<".utf8.contains(sigil) { openSigils.append(sigil) }
            if sigil == UInt8(ascii: "/") { _ = openSigils.popLast() }
            switch Character(Unicode.Scalar(sigil)) {
            case "!":
                continue
            case "=":
                try setDelimiters(name, at: tagStart)
            case "#", "^", "$", "<":
                flush()
                let (children, closing) = try parse(until: name)
                guard closing == name else { throw failure(.templateTagNeverClosed("{{\(Character(Unicode.Scalar(sigil)))\(name)}}"), at: tagStart) }
                switch Character(Unicode.Scalar(sigil)) {
                case "#": nodes.append(.section(TemplateName(name), children))
                case "^": nodes.append(.inverted(TemplateName(name), children))
                case "$": nodes.append(.block(name, children, standalone: standalone, indent: indent))
                default:
                    references.append(reference(name, isParent: true, at: tagStart))
                    var blocks: [String: TemplateNode] = [:]
                    for child in children { if case .block(let blockName, _, _, _) = child { blocks[blockName] = child } }
                    nodes.append(.parent(name, blocks: blocks, indent: indent))
                }
            case "/":
                flush()
                guard name == open else { throw failure(.templateWrongClose(name, open: open ?? ""), at: tagStart) }
                return (nodes, name)
            case ">":
                flush()
                references.append(reference(name, isParent: false, at: tagStart))
                nodes.append(.partial(name, indent: indent))
            case "&", "{":
                flush()
                nodes.append(.variable(TemplateName(name), escaped: false))
            default:
                flush()
                nodes.append(.variable(TemplateName(name), escaped: true))
            }
        }
        flush()
        if let open { throw failure(.templateTagNeverClosed(open), at: source.count) }
        return (nodes, nil)
    }

    private func startsTag(at index: Int) -> Bool {
        // The first byte decides for nearly every position: text is read a byte at a time.
        index < source.count && source[index] == open[0] && matches(open, at: index)
    }

    private func matches(_ bytes: [UInt8], at index: Int) -> Bool {
        guard index + bytes.count <= source.count else { return false }
        for offset in bytes.indices where source[index + offset] != bytes[offset] { return false }
        return true
    }

    /// Reads a tag at `position`: its sigil (0 for a plain variable), name, and end offset.
    private mutating func readTag() throws(Diagnostic) -> (UInt8, String, Int) {
        let start = position
        var index = position + open.count
        var sigil: UInt8 = 0
        if index < source.count, "#^/!>&{$<=".utf8.contains(source[index]) {
            sigil = source[index]
            index += 1
        }
        // `{{{name}}}` and `{{=<% %>=}}` end with their sigil's partner before the delimiter.
        let closing: [UInt8] = sigil == UInt8(ascii: "{") ? [UInt8(ascii: "}")] + close
            : sigil == UInt8(ascii: "=") ? [UInt8(ascii: "=")] + close : close
        var end = index
        while end + closing.count <= source.count, !matches(closing, at: end) { end += 1 }
        let written = String(decoding: close, as: UTF8.self)
        guard end + closing.count <= source.count else { throw failure(.templateUnclosedBraces(written), at: start) }
        let name = Self.trimmed(source[index..<end])
        if sigil != UInt8(ascii: "!") && name.isEmpty { throw failure(.templateNamelessTag, at: start) }
        return (sigil, name, end + closing.count)
    }

    /// A tag's name without the white space around it: spaces and tabs cut on the bytes, other
    /// white space (a no-break space, say) as Foundation trims it.
    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> String {
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") { start += 1 }
        while end > start, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") { end -= 1 }
        let name = String(decoding: bytes[start..<end], as: UTF8.self)
        guard start < end, bytes[start] >= 0x80 || bytes[end - 1] >= 0x80 else { return name }
        return name.trimmingCharacters(in: .whitespaces)
    }

    /// `{{=<% %>=}}`: the two new delimiters, separated by white space, neither holding `=`.
    private mutating func setDelimiters(_ written: String, at start: Int) throws(Diagnostic) {
        let parts = written.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
            throw failure(.templateDelimiters, at: start)
        }
        open = Array(parts[0].utf8)
        close = Array(parts[1].utf8)
    }

    /// The line around a tag when nothing but spaces stands beside it: (line start, next line's start).
    private func standaloneLine(_ tagStart: Int, _ tagEnd: Int) -> (Int, Int)? {
        var lineStart = tagStart
        while lineStart > 0, source[lineStart - 1] != UInt8(ascii: "\n") {
            guard source[lineStart - 1] == UInt8(ascii: " ") || source[lineStart - 1] == UInt8(ascii: "\t") else { return nil }
            lineStart -= 1
        }
        var lineEnd = tagEnd
        while lineEnd < source.count, source[lineEnd] != UInt8(ascii: "\n") {
            if source[lineEnd] == UInt8(ascii: "\r"), lineEnd + 1 < source.count, source[lineEnd + 1] == UInt8(ascii: "\n") { break }
            guard source[lineEnd] == UInt8(ascii: " ") || source[lineEnd] == UInt8(ascii: "\t") else { return nil }
            lineEnd += 1
        }
        if lineEnd < source.count { lineEnd += source[lineEnd] == UInt8(ascii: "\r") ? 2 : 1 }
        return (lineStart, lineEnd)
    }

    /// A line of nothing but white space and tags that open or close parents and blocks (or
    /// comments), with more than one tag: (line start, end of its last tag, next line's start).
    private func standaloneInheritanceLine(_ tagStart: Int) -> (Int, Int, Int)? {
        var lineStart = tagStart
        while lineStart > 0, source[lineStart - 1] == UInt8(ascii: " ") || source[lineStart - 1] == UInt8(ascii: "\t") { lineStart -= 1 }
        guard lineStart == 0 || source[lineStart - 1] == UInt8(ascii: "\n") else { return nil }
        var index = tagStart
        var stack = openSigils
        var tags = 0
        var lastTagEnd = tagStart
        while index < source.count, source[index] != UInt8(ascii: "\n") {
            if source[index] == UInt8(ascii: " ") || source[index] == UInt8(ascii: "\t") || source[index] == UInt8(ascii: "\r") {
                index += 1
                continue
            }
            guard startsTag(at: index), index + open.count < source.count else { return nil }
            let sigil = source[index + open.count]
            switch sigil {
            case UInt8(ascii: "<"), UInt8(ascii: "$"): stack.append(sigil)
            case UInt8(ascii: "/"):
                guard let opened = stack.popLast(), opened == UInt8(ascii: "<") || opened == UInt8(ascii: "$") else { return nil }
            case UInt8(ascii: "!"): break
            default: return nil
            }
            var end = index + open.count
            while end + close.count <= source.count, !matches(close, at: end) { end += 1 }
            guard end + close.count <= source.count else { return nil }
            index = end + close.count
            lastTagEnd = index
            tags += 1
        }
        guard tags > 1 else { return nil }
        if index > 0, index < source.count, source[index - 1] == UInt8(ascii: "\r") { return nil }
        return (lineStart, lastTagEnd, index < source.count ? index + 1 : index)
    }

    private mutating func reference(_ name: String, isParent: Bool, at offset: Int) -> Reference {
        // Partials come in the order they are written: the lines are counted on from the last
        // one, not from the start of the file for each.
        lineCount = counted(lineCount, to: offset)
        let place = location(lineCount)
        return Reference(name: name, isParent: isParent, line: place.line, column: place.column)
    }

    private func failure(_ message: Message, at offset: Int? = nil) -> Diagnostic {
        .error(location(at: offset), message)
    }

    private func location(at offset: Int?) -> SourceLocation {
        location(counted((0, 1, 0), to: min(offset ?? position, source.count)))
    }

    /// `count` carried on to `offset` (from the start of the file when `offset` lies before it).
    private func counted(_ count: LineCount, to offset: Int) -> LineCount {
        var count: LineCount = offset < count.offset ? (0, 1, 0) : count
        for index in count.offset..<offset where source[index] == UInt8(ascii: "\n") {
            count.line += 1
            count.lineStart = index + 1
        }
        count.offset = offset
        return count
    }

    /// The line and column (in characters) at the end of `count`.
    private func location(_ count: LineCount) -> SourceLocation {
        let column = String(decoding: source[count.lineStart..<count.offset], as: UTF8.self).count + 1
        return SourceLocation(path: path, line: count.line, column: column)
    }
}
