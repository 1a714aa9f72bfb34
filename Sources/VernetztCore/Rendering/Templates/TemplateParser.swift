/// Compiles Mustache source into `TemplateNode`s: variables, sections, inverted sections,
/// partials, comments, and template inheritance (parents and blocks). Lines that hold only a
/// section, comment, partial or block tag leave no blank line behind (the spec's "standalone" rule).
struct TemplateParser {
    struct Failure: Error {
        var message: String
        var line: Int
        var column: Int
    }

    /// A partial (`{{> name}}`) or parent (`{{< name}}`) a template names, where it names it.
    struct Reference {
        var name: String
        var isParent: Bool
        var line: Int
        var column: Int
    }

    private let source: [UInt8]
    private var position = 0
    private var references: [Reference] = []

    init(_ text: String) {
        source = Array(text.utf8)
    }

    static func compile(_ text: String) throws(Failure) -> [TemplateNode] {
        try compileWithReferences(text).nodes
    }

    /// The nodes and every partial and parent named, for the library's checks across layouts.
    static func compileWithReferences(_ text: String) throws(Failure) -> (nodes: [TemplateNode], references: [Reference]) {
        var parser = TemplateParser(text)
        let (nodes, closing) = try parser.parse(until: nil)
        if let closing { throw parser.failure("'{{/\(closing)}}' closes nothing that is open") }
        return (nodes, parser.references)
    }

    /// Nodes up to the closing tag of `open` (or the end); returns the closing name found.
    private mutating func parse(until open: String?) throws(Failure) -> ([TemplateNode], String?) {
        var nodes: [TemplateNode] = []
        var text: [UInt8] = []
        func flush() {
            if !text.isEmpty { nodes.append(.text(text)); text = [] }
        }
        while position < source.count {
            guard startsTag(at: position) else {
                text.append(source[position])
                position += 1
                continue
            }
            let tagStart = position
            let (sigil, name, tagEnd) = try readTag()
            var end = tagEnd
            // A standalone tag: only white space on its line before and after it.
            if "#^/!>$<".utf8.contains(sigil), let (lineStart, lineEnd) = standaloneLine(tagStart, end) {
                text.removeLast(tagStart - lineStart)
                end = lineEnd
            }
            position = end
            switch Character(Unicode.Scalar(sigil)) {
            case "!":
                continue
            case "#", "^", "$", "<":
                flush()
                let (children, closing) = try parse(until: name)
                guard closing == name else { throw failure("'{{\(Character(Unicode.Scalar(sigil)))\(name)}}' is never closed", at: tagStart) }
                switch Character(Unicode.Scalar(sigil)) {
                case "#": nodes.append(.section(TemplateName(name), children))
                case "^": nodes.append(.inverted(TemplateName(name), children))
                case "$": nodes.append(.block(name, children))
                default:
                    references.append(reference(name, isParent: true, at: tagStart))
                    var blocks: [String: [TemplateNode]] = [:]
                    for child in children { if case .block(let blockName, let content) = child { blocks[blockName] = content } }
                    nodes.append(.parent(name, blocks: blocks))
                }
            case "/":
                flush()
                guard name == open else { throw failure("'{{/\(name)}}' does not close '\(open ?? "")'", at: tagStart) }
                return (nodes, name)
            case ">":
                flush()
                references.append(reference(name, isParent: false, at: tagStart))
                nodes.append(.partial(name))
            case "&", "{":
                flush()
                nodes.append(.variable(TemplateName(name), escaped: false))
            default:
                flush()
                nodes.append(.variable(TemplateName(name), escaped: true))
            }
        }
        flush()
        if let open { throw failure("'\(open)' is never closed", at: source.count) }
        return (nodes, nil)
    }

    private func startsTag(at index: Int) -> Bool {
        index + 1 < source.count && source[index] == UInt8(ascii: "{") && source[index + 1] == UInt8(ascii: "{")
    }

    /// Reads `{{…}}` at `position`: its sigil (0 for a plain variable), name, and end offset.
    private mutating func readTag() throws(Failure) -> (UInt8, String, Int) {
        let start = position
        var index = position + 2
        var sigil: UInt8 = 0
        var triple = false
        if index < source.count, source[index] == UInt8(ascii: "=") {
            throw failure("changing the delimiters ('{{=… …=}}') is not supported: write tags with {{ }}", at: start)
        }
        if index < source.count, "#^/!>&{$<".utf8.contains(source[index]) {
            sigil = source[index]
            triple = sigil == UInt8(ascii: "{")
            index += 1
        }
        let closing: [UInt8] = triple ? Array("}}}".utf8) : Array("}}".utf8)
        var end = index
        while end + closing.count <= source.count, Array(source[end..<end + closing.count]) != closing { end += 1 }
        guard end + closing.count <= source.count else { throw failure("a tag is never closed with '}}'", at: start) }
        let name = String(decoding: source[index..<end], as: UTF8.self).trimmingCharacters(in: .whitespaces)
        if sigil != UInt8(ascii: "!") && name.isEmpty { throw failure("a tag without a name", at: start) }
        return (sigil, name, end + closing.count)
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

    private func reference(_ name: String, isParent: Bool, at offset: Int) -> Reference {
        let place = failure("", at: offset)
        return Reference(name: name, isParent: isParent, line: place.line, column: place.column)
    }

    private func failure(_ message: String, at offset: Int? = nil) -> Failure {
        let end = min(offset ?? position, source.count)
        var line = 1
        var lineStart = 0
        for index in 0..<end where source[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        let column = String(decoding: source[lineStart..<end], as: UTF8.self).count + 1
        return Failure(message: message, line: line, column: column)
    }
}
