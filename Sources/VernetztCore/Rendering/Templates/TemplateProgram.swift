/// All layouts of a library flattened into one list of instructions that holds no
/// reference-counted values: sections know where their body ends, text is a range of one byte
/// buffer, partials are resolved to the layout they name. Rendering a page walks it without
/// retaining anything, so threads that render pages at once never write to shared memory.
final class TemplateProgram: @unchecked Sendable {
    enum Instruction {
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
        /// `{{$name}}`: its default body runs up to instruction `end`.
        case block(TemplateKey, end: Int32)
    }

    /// A dotted name's keys (a range of `keys`, empty for `.`) and its `first()`/`last()` query.
    struct Name {
        var keys: Range<Int32>
        var position: TemplateName.PositionQuery?
    }

    /// A block given to a parent layout: its name and its body's instructions.
    struct Override {
        var name: TemplateKey
        var body: Range<Int32>
    }

    let instructions: UnsafeBufferPointer<Instruction>
    let text: UnsafeBufferPointer<UInt8>
    let names: UnsafeBufferPointer<Name>
    let keys: UnsafeBufferPointer<TemplateKey>
    let overrides: UnsafeBufferPointer<Override>
    /// Each layout's instructions, by layout index.
    let layouts: UnsafeBufferPointer<Range<Int32>>
    /// Layout indices by name.
    let index: [String: Int32]

    init(_ templates: [String: [TemplateNode]]) {
        var builder = Builder()
        let names = templates.keys.sorted()
        builder.index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, Int32($0)) })
        var layouts: [Range<Int32>] = []
        for name in names {
            let start = builder.count
            builder.emit(templates[name]!)
            layouts.append(start..<builder.count)
        }
        self.layouts = Self.copy(layouts)
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
        var instructions: [Instruction] = []
        var text: [UInt8] = []
        var names: [Name] = []
        var keys: [TemplateKey] = []
        var overrides: [Override] = []
        var index: [String: Int32] = [:]

        var count: Int32 { Int32(instructions.count) }

        mutating func emit(_ nodes: [TemplateNode]) {
            for node in nodes {
                switch node {
                case .text(let bytes):
                    let start = Int32(text.count)
                    text += bytes
                    instructions.append(.text(start: start, end: Int32(text.count)))
                case .variable(let name, let escaped):
                    instructions.append(.variable(name: add(name), escaped: escaped))
                case .section(let name, let children):
                    let name = add(name), at = instructions.count
                    instructions.append(.section(name: name, end: 0))
                    emit(children)
                    instructions[at] = .section(name: name, end: count)
                case .inverted(let name, let children):
                    let name = add(name), at = instructions.count
                    instructions.append(.inverted(name: name, end: 0))
                    emit(children)
                    instructions[at] = .inverted(name: name, end: count)
                case .partial(let name):
                    instructions.append(.partial(layout: index[name] ?? -1))
                case .parent(let name, let blocks):
                    let at = instructions.count
                    instructions.append(.parent(layout: -1, overrides: 0..<0, end: 0))
                    // The blocks' bodies follow the parent instruction, which skips them.
                    var given: [Override] = []
                    for (blockName, body) in blocks.sorted(by: { $0.key < $1.key }) {
                        let start = count
                        emit(body)
                        given.append(Override(name: TemplateKey(blockName), body: start..<count))
                    }
                    let first = Int32(overrides.count)
                    overrides += given
                    instructions[at] = .parent(layout: index[name] ?? -1, overrides: first..<Int32(overrides.count), end: count)
                case .block(let name, let fallback):
                    let at = instructions.count
                    instructions.append(.block(TemplateKey(name), end: 0))
                    emit(fallback)
                    instructions[at] = .block(TemplateKey(name), end: count)
                }
            }
        }

        private mutating func add(_ name: TemplateName) -> Int32 {
            let start = Int32(keys.count)
            keys += name.keys
            names.append(Name(keys: start..<Int32(keys.count), position: name.position))
            return Int32(names.count - 1)
        }
    }
}
