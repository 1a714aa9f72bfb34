import Foundation

/// Renders compiled templates against view models made of dictionaries, arrays, strings,
/// booleans and numbers, straight into a byte buffer. Values are told apart with a handful of
/// concrete casts — no reflection, no protocol lookups — which is what makes it fast.
struct TemplateRenderer {
    let templates: [String: [TemplateNode]]

    func render(_ name: String, _ context: [String: Any]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(16 * 1024)
        var stack: [Any] = [context]
        render(templates[name] ?? [], &stack, &output, blocks: [:], position: nil)
        return output
    }

    /// Where an item stands in the list it is rendered from (`first()`, `last()`).
    private struct Position {
        var index: Int
        var count: Int
    }

    private func render(_ nodes: [TemplateNode], _ stack: inout [Any], _ output: inout [UInt8],
                        blocks: [String: [TemplateNode]], position: Position?) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                output.append(contentsOf: bytes)
            case .variable(let name, let escaped):
                guard let value = lookup(name, stack, position) else { continue }
                append(value, to: &output, escaped: escaped)
            case .section(let name, let children):
                let value = lookup(name, stack, position)
                if let list = value as? [[String: Any]] {
                    for (index, item) in list.enumerated() {
                        stack.append(item)
                        render(children, &stack, &output, blocks: blocks, position: Position(index: index, count: list.count))
                        stack.removeLast()
                    }
                } else if let list = value as? [Any] {
                    for (index, item) in list.enumerated() {
                        stack.append(item)
                        render(children, &stack, &output, blocks: blocks, position: Position(index: index, count: list.count))
                        stack.removeLast()
                    }
                } else if Self.isTruthy(value) {
                    if let object = value as? [String: Any] {
                        stack.append(object)
                        render(children, &stack, &output, blocks: blocks, position: position)
                        stack.removeLast()
                    } else {
                        render(children, &stack, &output, blocks: blocks, position: position)
                    }
                }
            case .inverted(let name, let children):
                if !Self.isTruthy(lookup(name, stack, position)) {
                    render(children, &stack, &output, blocks: blocks, position: position)
                }
            case .partial(let name):
                render(templates[name] ?? [], &stack, &output, blocks: blocks, position: position)
            case .parent(let name, let overrides):
                // Blocks given further out win over those given here (the spec's rule).
                let merged = overrides.merging(blocks) { _, outer in outer }
                render(templates[name] ?? [], &stack, &output, blocks: merged, position: position)
            case .block(let name, let fallback):
                render(blocks[name] ?? fallback, &stack, &output, blocks: blocks, position: position)
            }
        }
    }

    /// The value of a name: its first part is looked up from the innermost context outwards,
    /// the rest inside what was found.
    private func lookup(_ name: TemplateName, _ stack: [Any], _ position: Position?) -> Any? {
        guard let first = name.parts.first else { return stack.last }
        if name.parts.count == 1, let position {
            if first == "first()" { return position.index == 0 }
            if first == "last()" { return position.index == position.count - 1 }
        }
        var found: Any?
        for context in stack.reversed() {
            if let object = context as? [String: Any], let value = object[first] {
                found = value
                break
            }
        }
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
        case let list as [Any]: return !list.isEmpty
        case let list as [[String: Any]]: return !list.isEmpty
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
        if escaped { Self.escapeHTML(text, into: &output) } else { output.append(contentsOf: text.utf8) }
    }

    static func escapeHTML(_ text: String, into output: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): output.append(contentsOf: "&#39;".utf8)
            default: output.append(byte)
            }
        }
    }
}
