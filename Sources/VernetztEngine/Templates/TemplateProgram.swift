/// All layouts of a library flattened into one list of instructions that holds no
/// reference-counted values: sections know where their body ends, text is a range of one byte
/// buffer, partials are resolved to the layout they name. Rendering a page walks it without
/// retaining anything, so threads that render pages at once never write to shared memory.
package final class TemplateProgram: @unchecked Sendable {
    package enum Instruction {
        /// Bytes `start..<end` of the text buffer.
        case text(start: Int32, end: Int32)
        /// The value of a name (an index into `names`).
        case variable(name: Int32, escaped: Bool)
        /// `{{#name}}`: its body runs up to instruction `end`.
        case section(name: Int32, end: Int32)
        /// `{{^name}}`: its body runs up to instruction `end`.
        case inverted(name: Int32, end: Int32)
        /// `{{> name}}`: a layout's index, or -1 when there is no such layout (renders nothing).
        case partial(layout: Int32)
        /// `{{< name}}`: a layout's index (or -1), the blocks given (a range of `overrides`), and
        /// where the instructions of those blocks end.
        case parent(layout: Int32, overrides: Range<Int32>, end: Int32)
        /// `{{$name}}`: its default body runs up to instruction `end`; `site` is the indentation
        /// (bytes of `text`) content given for it gets when its tag stands alone, else nil.
        case block(TemplateKey, end: Int32, site: Range<Int32>?)
    }

    /// A dotted name's keys (a range of `keys`, empty for `.`) and its `first()`/`last()` query.
    package struct Name {
        package var keys: Range<Int32>
        package var position: TemplateName.PositionQuery?
    }

    /// A block given to a parent layout: its name, its body's instructions, and the
    /// indentation its lines lose (bytes of `text`; that of its first line when its tag
    /// stands alone), since they take that of the place they go.
    package struct Override {
        package var name: TemplateKey
        package var body: Range<Int32>
        package var dedent: Range<Int32>
    }

    package let instructions: UnsafeBufferPointer<Instruction>
    package let text: UnsafeBufferPointer<UInt8>
    package let names: UnsafeBufferPointer<Name>
    package let keys: UnsafeBufferPointer<TemplateKey>
    package let overrides: UnsafeBufferPointer<Override>
    /// Each layout's instructions, by layout index.
    package let layouts: UnsafeBufferPointer<Range<Int32>>
    /// Layout indices by name.
    package let index: [String: Int32]

    package init(_ templates: [String: [TemplateNode]]) {
        var builder = Builder(templates: templates)
        let names = templates.keys.sorted()
        builder.index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, Int32($0)) })
        builder.layouts = Array(repeating: 0..<0, count: names.count)
        for (i, name) in names.enumerated() {
            let start = builder.count
            builder.emit(templates[name]!, indent: [])
            builder.layouts[i] = start..<builder.count
        }
        // Partials whose tags were indented, each once per indentation, with their lines indented.
        while let (layout, name, indent) = builder.pending.popLast() {
            let start = builder.count
            builder.emit(templates[name]!, indent: indent, lastLine: true)
            builder.layouts[Int(layout)] = start..<builder.count
        }
        self.layouts = Self.copy(builder.layouts)
        index = builder.index
        instructions = Self.copy(builder.instructions)
        text = Self.copy(builder.text)
        self.names = Self.copy(builder.names)
        keys = Self.copy(builder.keys)
        overrides = Self.copy(builder.overrides)
    }

    deinit {
        layouts.deallocate()
        instructions.deallocate()
        text.deallocate()
        names.deallocate()
        keys.deallocate()
        overrides.deallocate()
    }

    private static func copy<T>(_ array: [T]) -> UnsafeBufferPointer<T> {
        let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: array.count)
        _ = buffer.initialize(from: array)
        return UnsafeBufferPointer(buffer)
    }

    /// Collects the instructions and their tables while the node trees are walked.
    private struct Builder {
        package let templates: [String: [TemplateNode]]
        package var layouts: [Range<Int32>] = []
        /// Indented copies of partials: by name and indentation, their layout index.
        package var variants: [String: Int32] = [:]
        package var pending: [(layout: Int32, name: String, indent: [UInt8])] = []
        package var instructions: [Instruction] = []
        package var text: [UInt8] = []
        package var names: [Name] = []
        package var keys: [TemplateKey] = []
        package var overrides: [Override] = []
        package var index: [String: Int32] = [:]

        package var count: Int32 { Int32(instructions.count) }

        /// `indent` goes after every line break of the text (in an indented partial), except the
        /// one that ends the partial's `lastLine`.
        package mutating func emit(_ nodes: [TemplateNode], indent: [UInt8], lastLine: Bool = false) {
            for (n, node) in nodes.enumerated() {
                switch node {
                case .text(let bytes):
                    let start = Int32(text.count)
                    if indent.isEmpty {
                        text += bytes
                    } else {
                        for (i, byte) in bytes.enumerated() {
                            text.append(byte)
                            let endsPartial = lastLine && n == nodes.count - 1 && i == bytes.count - 1
                            if byte == UInt8(ascii: "\n") && !endsPartial { text += indent }
                        }
                    }
                    instructions.append(.text(start: start, end: Int32(text.count)))
                case .variable(let name, let escaped):
                    instructions.append(.variable(name: add(name), escaped: escaped))
                case .section(let name, let children):
                    let name = add(name), at = instructions.count
                    instructions.append(.section(name: name, end: 0))
                    emit(children, indent: indent)
                    instructions[at] = .section(name: name, end: count)
                case .inverted(let name, let children):
                    let name = add(name), at = instructions.count
                    instructions.append(.inverted(name: name, end: 0))
                    emit(children, indent: indent)
                    instructions[at] = .inverted(name: name, end: count)
                case .partial(let name, let own):
                    if !own.isEmpty { emit([.text(own)], indent: []) }
                    instructions.append(.partial(layout: layout(name, indent: indent + own)))
                case .parent(let name, let blocks, let own):
                    if !own.isEmpty { emit([.text(own)], indent: []) }
                    let at = instructions.count
                    instructions.append(.parent(layout: -1, overrides: 0..<0, end: 0))
                    // The blocks' bodies follow the parent instruction, which skips them.
                    var given: [Override] = []
                    for (blockName, block) in blocks.sorted(by: { $0.key < $1.key }) {
                        guard case .block(_, let body, let standalone, _) = block else { continue }
                        let dedent = bytes(standalone ? Self.leadingSpace(body) : [])
                        let start = count
                        emit(body, indent: indent)
                        given.append(Override(name: TemplateKey(blockName), body: start..<count, dedent: dedent))
                    }
                    let first = Int32(overrides.count)
                    overrides += given
                    instructions[at] = .parent(layout: layout(name, indent: indent + own), overrides: first..<Int32(overrides.count), end: count)
                case .block(let name, let fallback, let standalone, let own):
                    // Given content goes where the default's lines start (or the tag, without one).
                    let site: Range<Int32>? = standalone ? bytes(fallback.isEmpty ? indent + own : indent + Self.leadingSpace(fallback)) : nil
                    let at = instructions.count
                    instructions.append(.block(TemplateKey(name), end: 0, site: site))
                    emit(fallback, indent: indent)
                    instructions[at] = .block(TemplateKey(name), end: count, site: site)
                }
            }
        }

        /// `bytes` kept in the text buffer, as a range of it.
        private mutating func bytes(_ bytes: [UInt8]) -> Range<Int32> {
            let start = Int32(text.count)
            text += bytes
            return start..<Int32(text.count)
        }

        /// The spaces and tabs that begin `nodes` (their first line's indentation).
        package static func leadingSpace(_ nodes: [TemplateNode]) -> [UInt8] {
            guard case .text(let bytes)? = nodes.first else { return [] }
            return Array(bytes.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
        }

        /// The layout a partial tag renders: the partial itself, or its copy indented by `indent`.
        private mutating func layout(_ name: String, indent: [UInt8]) -> Int32 {
            guard let plain = index[name] else { return -1 }
            guard !indent.isEmpty else { return plain }
            let key = name + "\u{0}" + String(decoding: indent, as: UTF8.self)
            if let known = variants[key] { return known }
            let layout = Int32(layouts.count)
            layouts.append(0..<0)
            variants[key] = layout
            pending.append((layout, name, indent))
            return layout
        }

        private mutating func add(_ name: TemplateName) -> Int32 {
            let start = Int32(keys.count)
            keys += name.keys
            names.append(Name(keys: start..<Int32(keys.count), position: name.position))
            return Int32(names.count - 1)
        }
    }
}
