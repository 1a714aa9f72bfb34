/// Renders a compiled `TemplateProgram` against `TemplateValue` view models straight into a
/// byte buffer. Names were interned when the layouts were compiled, so a lookup compares
/// integers; values are a closed enum, so showing one is a switch — no casts, no hashing, no
/// reflection, and the program itself is read without retaining anything.
package struct TemplateRenderer {
    package let program: TemplateProgram

    package init(program: TemplateProgram) {
        self.program = program
    }

    package func render(_ layout: String, _ context: TemplateObject) -> [UInt8] {
        render(layout, value: .object(context))
    }

    /// Renders with any value as the outermost context (`{{.}}` shows it).
    package func render(_ layout: String, value: TemplateValue) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(16 * 1024)
        guard let layout = program.index[layout] else { return output }
        var stack: [TemplateValue] = [value]
        render(program.layouts[Int(layout)], &stack, &output, blocks: [], position: nil)
        return output
    }

    /// Where an item stands in the list it is rendered from (`first()`, `last()`).
    private struct Position {
        package var index: Int
        package var count: Int
    }

    /// Renders `instructions`; `stack` holds the contexts names are looked up in, innermost last.
    private func render(_ instructions: Range<Int32>, _ stack: inout [TemplateValue], _ output: inout [UInt8],
                        blocks: [TemplateProgram.Override], position: Position?) {
        var next = Int(instructions.lowerBound)
        while next < instructions.upperBound {
            let at = next
            next += 1
            switch program.instructions[at] {
            case .text(let start, let end):
                output.append(contentsOf: UnsafeBufferPointer(rebasing: program.text[Int(start)..<Int(end)]))
            case .variable(let name, let escaped):
                guard let value = lookup(name, stack, position) else { continue }
                append(value, to: &output, escaped: escaped)
            case .section(let name, let end):
                next = Int(end)
                guard let value = lookup(name, stack, position) else { continue }
                let body = Int32(at + 1)..<end
                switch value {
                case .list(let list):
                    for (index, item) in list.enumerated() {
                        stack.append(item)
                        render(body, &stack, &output, blocks: blocks, position: Position(index: index, count: list.count))
                        stack.removeLast()
                    }
                case .object, .text, .utf8, .number:
                    // The value is the section's context: `{{.}}` inside shows it.
                    stack.append(value)
                    render(body, &stack, &output, blocks: blocks, position: position)
                    stack.removeLast()
                case .flag(let flag):
                    if flag { render(body, &stack, &output, blocks: blocks, position: position) }
                }
            case .inverted(let name, let end):
                next = Int(end)
                if !(lookup(name, stack, position)?.isTruthy ?? false) {
                    render(Int32(at + 1)..<end, &stack, &output, blocks: blocks, position: position)
                }
            case .partial(let layout):
                guard layout >= 0 else { continue }
                render(program.layouts[Int(layout)], &stack, &output, blocks: blocks, position: position)
            case .parent(let layout, let given, let end):
                next = Int(end)
                guard layout >= 0 else { continue }
                // Blocks given further out win over those given here (the spec's rule).
                var merged = blocks
                for override in program.overrides[Int(given.lowerBound)..<Int(given.upperBound)]
                where !blocks.contains(where: { $0.name == override.name }) {
                    merged.append(override)
                }
                render(program.layouts[Int(layout)], &stack, &output, blocks: merged, position: position)
            case .block(let name, let end, let site):
                next = Int(end)
                guard let given = blocks.first(where: { $0.name == name }) else {
                    render(Int32(at + 1)..<end, &stack, &output, blocks: blocks, position: position)
                    continue
                }
                guard given.dedent.isEmpty, site?.isEmpty ?? true else {
                    var content: [UInt8] = []
                    render(given.body, &stack, &content, blocks: blocks, position: position)
                    reindent(content, removing: bytes(given.dedent), adding: site.map(bytes), into: &output)
                    continue
                }
                let start = output.count
                render(given.body, &stack, &output, blocks: blocks, position: position)
                // Content for a block whose tag stands alone fills whole lines.
                if site != nil, output.count > start, output.last != UInt8(ascii: "\n") { output.append(UInt8(ascii: "\n")) }
            }
        }
    }

    private func bytes(_ range: Range<Int32>) -> ArraySlice<UInt8> {
        ArraySlice(UnsafeBufferPointer(rebasing: program.text[Int(range.lowerBound)..<Int(range.upperBound)]))
    }

    /// `content` with `removing` taken from the start of each line that has it, and, for a block
    /// whose tag stands alone, `adding` put before each line and a line break after the last.
    private func reindent(_ content: [UInt8], removing: ArraySlice<UInt8>, adding: ArraySlice<UInt8>?, into output: inout [UInt8]) {
        var lines = content.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        for (n, line) in lines.enumerated() {
            let kept = line.starts(with: removing) ? line.dropFirst(removing.count) : line
            if let adding, !kept.isEmpty { output += adding }
            output += kept
            if n < lines.count - 1 || adding != nil || content.last == UInt8(ascii: "\n") { output.append(UInt8(ascii: "\n")) }
        }
    }

    /// The value of a name: its first part is looked up from the innermost context outwards,
    /// the rest inside what was found.
    private func lookup(_ index: Int32, _ stack: [TemplateValue], _ position: Position?) -> TemplateValue? {
        let name = program.names[Int(index)]
        guard !name.keys.isEmpty else { return stack.last }
        if let query = name.position, let position {
            return .flag(query == .first ? position.index == 0 : position.index == position.count - 1)
        }
        let first = program.keys[Int(name.keys.lowerBound)]
        // Each context is asked in place: copying it out of the stack would retain it.
        var found = stack.withUnsafeBufferPointer { levels -> TemplateValue? in
            for level in levels.indices.reversed() {
                if let value = levels[level].member(first) { return value }
            }
            return nil
        }
        for key in program.keys[Int(name.keys.lowerBound + 1)..<Int(name.keys.upperBound)] {
            found = found?.member(key)
            if found == nil { return nil }
        }
        return found
    }

    private func append(_ value: TemplateValue, to output: inout [UInt8], escaped: Bool) {
        switch value {
        case .text(let text):
            if escaped { HTMLEscaping.escape(text, into: &output) } else { output.append(contentsOf: text.utf8) }
        case .utf8(let bytes):
            if escaped { HTMLEscaping.escape(String(decoding: bytes, as: UTF8.self), into: &output) } else { output.append(contentsOf: bytes) }
        case .number(let number):
            output.append(contentsOf: String(number).utf8)
        case .flag(let flag):
            output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .object, .list:
            break  // nothing a page could show
        }
    }
}
