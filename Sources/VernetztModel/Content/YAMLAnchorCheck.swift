import VernetztEngine

/// Finds YAML anchors (`&name`) and aliases (`*name`) in front matter. Front matter never needs
/// them, and aliases are how a few lines expand into billions of nodes ("billion laughs"), so
/// they are refused before the YAML is composed. Only where a node can start counts: `Safety &
/// Security` is text, `key: &a` is an anchor.
enum YAMLAnchorCheck {
    /// Line and column (1-based, in the YAML) of the first anchor or alias, if any.
    static func firstAnchor(in yaml: Substring) -> (line: Int, column: Int)? {
        // Nearly all front matter has neither character: no need to look closer.
        // (On its bytes at once: a substring's UTF-8 view read byte by byte costs thirty times as much.)
        var text = yaml
        guard text.withUTF8({ $0.contains { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "*") } }) else { return nil }
        let characters = Array(yaml)
        var line = 1
        var column = 0
        var quote: Character?
        var expectsNode = true   // at the start of a line, or after `: `, `- `, `? `, `[`, `{`, `,`
        var inComment = false
        for (index, character) in characters.enumerated() {
            column += 1
            let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
            if character == "\n" {
                line += 1
                column = 0
                inComment = false
                if quote == nil { expectsNode = true }
                continue
            }
            if inComment { continue }
            if let open = quote {
                if character == open && (open == "'" || index == 0 || characters[index - 1] != "\\") { quote = nil }
                continue
            }
            if character == " " || character == "\t" { continue }
            if expectsNode {
                switch character {
                case "&", "*": return (line, column)
                case "'", "\"": quote = character; expectsNode = false; continue
                case "#": inComment = true; continue
                case "-", "?": if next == " " || next == "\n" || next == nil { continue }  // a list item or key: a node follows
                case "[", "{": continue
                default: break
                }
                expectsNode = false
            }
            switch character {
            case ":" where next == " " || next == "\n" || next == nil: expectsNode = true
            case "[", "{", ",": expectsNode = true
            case "#" where index > 0 && (characters[index - 1] == " " || characters[index - 1] == "\t"): inComment = true
            default: break
            }
        }
        return nil
    }
}
