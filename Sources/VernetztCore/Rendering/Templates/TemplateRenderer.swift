import Foundation

/// Renders compiled templates against view models made of dictionaries, arrays, strings,
/// booleans and numbers, straight into a byte buffer. Values are told apart with a handful of
/// concrete casts — no reflection, no protocol lookups — and each context is cast once, when
/// it is entered, not at every name looked up in it.
struct TemplateRenderer {
    let templates: [String: [TemplateNode]]

    func render(_ name: String, _ context: [String: Any]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(16 * 1024)
        var stack = ContextStack()
        stack.push(object: context)
        render(templates[name] ?? [], &stack, &output, blocks: [:], position: nil)
        return output
    }

    /// The contexts names are looked up in, innermost last. Objects are kept apart from other
    /// values (the item of a list of strings, which only `.` reaches), so that a lookup reads
    /// each dictionary where it lies instead of copying it out of an enum.
    private struct ContextStack {
        /// Empty for a context that is not an object.
        var objects: [[String: Any]] = []
        var values: [Any] = []

        mutating func push(object: [String: Any]) {
            objects.append(object)
            values.append(object)
        }

        mutating func push(_ value: Any) {
            if let object = value as? [String: Any] { push(object: object) } else {
                objects.append([:])
                values.append(value)
            }
        }

        mutating func pop() {
            objects.removeLast()
            values.removeLast()
        }
    }

    /// Where an item stands in the list it is rendered from (`first()`, `last()`).
    private struct Position {
        var index: Int
        var count: Int
    }

    private func render(_ nodes: [TemplateNode], _ stack: inout ContextStack, _ output: inout [UInt8],
                        blocks: [String: [TemplateNode]], position: Position?) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                output.append(contentsOf: bytes)
            case .variable(let name, let escaped):
                guard let value = lookup(name, stack, position) else { continue }
                append(value, to: &output, escaped: escaped)
            case .section(let name, let children):
                switch lookup(name, stack, position) {
                case .none:
                    break
                case let list as [[String: Any]]:
                    for (index, item) in list.enumerated() {
                        stack.push(object: item)
                        render(children, &stack, &output, blocks: blocks, position: Position(index: index, count: list.count))
                        stack.pop()
                    }
                case let object as [String: Any]:
                    stack.push(object: object)
                    render(children, &stack, &output, blocks: blocks, position: position)
                    stack.pop()
                case let flag as Bool:
                    if flag { render(children, &stack, &output, blocks: blocks, position: position) }
                case let list as [Any]:
                    for (index, item) in list.enumerated() {
                        stack.push(item)
                        render(children, &stack, &output, blocks: blocks, position: Position(index: index, count: list.count))
                        stack.pop()
                    }
                case .some:
                    render(children, &stack, &output, blocks: blocks, position: position)
                }
            case .inverted(let name, let children):
                if !Self.isTruthy(lookup(name, stack, position)) {
                    render(children, &stack, &output, blocks: blocks, position: position)
                }
            case .partial(let name):
                render(templates[name] ?? [], &stack, &output, blocks: blocks, position: position)
            case .parent(let name, let overrides):
                // Blocks given further out win over those given here (the spec's rule).
                let merged = blocks.isEmpty ? overrides : overrides.merging(blocks) { _, outer in outer }
                render(templates[name] ?? [], &stack, &output, blocks: merged, position: position)
            case .block(let name, let fallback):
                render(blocks[name] ?? fallback, &stack, &output, blocks: blocks, position: position)
            }
        }
    }

    /// The value of a name: its first part is looked up from the innermost context outwards,
    /// the rest inside what was found.
    private func lookup(_ name: TemplateName, _ stack: ContextStack, _ position: Position?) -> Any? {
        guard let first = name.parts.first else { return stack.values.last }
        if let query = name.position, let position {
            return query == .first ? position.index == 0 : position.index == position.count - 1
        }
        var found: Any?
        var level = stack.objects.count - 1
        while level >= 0 {
            if let value = stack.objects[level][first] {
                found = value
                break
            }
            level -= 1
        }
        if name.parts.count == 1 { return found }
        for part in name.parts.dropFirst() {
            guard let object = found as? [String: Any] else { return nil }
            found = object[part]
        }
        return found
    }

    static func isTruthy(_ value: Any?) -> Bool {
        switch value {
        case .none: return false
        case let flag as Bool: return flag
        case let list as [[String: Any]]: return !list.isEmpty
        case let list as [Any]: return !list.isEmpty
        default: return true
        }
    }

    private func append(_ value: Any, to output: inout [UInt8], escaped: Bool) {
        let text: String
        switch value {
        case let string as String: text = string
        case let number as Int: text = String(number)
        case let flag as Bool: text = flag ? "true" : "false"
        default: text = "\(value)"
        }
        if escaped { HTMLEscaping.escape(text, into: &output) } else { output.append(contentsOf: text.utf8) }
    }
}
