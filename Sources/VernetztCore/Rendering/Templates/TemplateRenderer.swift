/// Renders a compiled `TemplateProgram` against `TemplateValue` view models straight into a
/// byte buffer. Names were interned when the layouts were compiled, so a lookup compares
/// integers; values are a closed enum, so showing one is a switch — no casts, no hashing, no
/// reflection, and the program itself is read without retaining anything.
struct TemplateRenderer {
    let program: TemplateProgram

    func render(_ layout: String, _ context: TemplateObject) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(16 * 1024)
        guard let layout = program.index[layout] else { return output }
        var stack: [TemplateValue] = [.object(context)]
        render(program.layouts[Int(layout)], &stack, &output, blocks: [], position: nil)
        return output
    }

    /// Where an item stands in the list it is rendered from (`first()`, `last()`).
    private struct Position {
        var index: Int
        var count: Int
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
                case .object:
                    stack.append(value)
                    render(body, &stack, &output, blocks: blocks, position: position)
                    stack.removeLast()
                case .flag(let flag):
                    if flag { render(body, &stack, &output, blocks: blocks, position: position) }
                case .text, .utf8, .number:
                    render(body, &stack, &output, blocks: blocks, position: position)
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
            case .block(let name, let end):
                next = Int(end)
                let body = blocks.first { $0.name == name }?.body ?? Int32(at + 1)..<end
                render(body, &stack, &output, blocks: blocks, position: position)
            }
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
        var found: TemplateValue?
        for level in stack.indices.reversed() {
            if case .object(let object) = stack[level], let value = object[first] {
                found = value
                break
            }
        }
        for key in program.keys[Int(name.keys.lowerBound + 1)..<Int(name.keys.upperBound)] {
            guard case .object(let object)? = found else { return nil }
            found = object[key]
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
