import Yams
import VernetztEngine

/// One value of front matter or `site.yml`: text, a list, or keys and values, each with where it
/// starts. Made by `PlainYAMLReader` for the plain shapes front matter nearly always has, else
/// taken over from Yams' node tree; the field reader sees no difference.
package indirect enum YAMLValue: Sendable, Equatable {
    /// `plain` is false for quoted and block text: only plain `true`, `null`, `~` mean more than text.
    case text(String, plain: Bool, at: YAMLPosition)
    case list([YAMLValue], at: YAMLPosition)
    case keys([Entry], at: YAMLPosition)

    package struct Entry: Sendable, Equatable {
        var key: YAMLValue
        var value: YAMLValue
    }

    var position: YAMLPosition {
        switch self {
        case .text(_, _, let at), .list(_, let at), .keys(_, let at): at
        }
    }

    /// The text, when this is text.
    var text: String? {
        if case .text(let text, _, _) = self { return text }
        return nil
    }

    /// Written as nothing, `~` or `null`.
    var isNull: Bool {
        guard case .text(let text, plain: true, _) = self else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(text)
    }

    /// What the value is, for messages.
    var shape: Message.Shape {
        switch self {
        case .text: .single
        case .keys: .keys
        case .list: .list
        }
    }

    /// Yams' tree, as composed with the basic resolver (every scalar is text).
    init(_ node: Node) {
        let at = node.mark.map { YAMLPosition(line: $0.line, column: $0.column) } ?? YAMLPosition(line: 1, column: 1)
        switch node {
        case .scalar(let scalar):
            self = .text(scalar.string, plain: scalar.style == .plain, at: at)
        case .sequence(let sequence):
            self = .list(sequence.map(YAMLValue.init), at: at)
        case .mapping(let mapping):
            self = .keys(mapping.map { Entry(key: YAMLValue($0.key), value: YAMLValue($0.value)) }, at: at)
        case .alias:
            // Unreachable: anchors and aliases are refused before the YAML is composed.
            self = .text("", plain: false, at: at)
        }
    }
}
