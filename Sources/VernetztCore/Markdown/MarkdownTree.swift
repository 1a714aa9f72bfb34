import CMarkGFM

/// Owns one cmark-gfm document tree. Parsed once in the parse stage, rendered once in the
/// render stage; a tree is only ever touched by one task at a time, hence `@unchecked Sendable`.
public final class MarkdownTree: @unchecked Sendable {
    let root: OpaquePointer
    /// The file line of the body's first line, to turn cmark's positions into file positions.
    public let firstLine: Int
    /// Heading ids in document order, unique within the page.
    public internal(set) var headingIDs: [String] = []
    /// Set once the render stage has turned headings into blocks that print their ids.
    var headingsCarryIDs = false

    init(root: OpaquePointer, firstLine: Int) {
        self.root = root
        self.firstLine = firstLine
    }

    deinit {
        cmark_node_free(root)
    }

    /// Calls `visit` for every node, entering before its children.
    func forEachNode(_ visit: (OpaquePointer) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) { visit(node) }
        }
    }

    /// The plain text below a node (text, code and line breaks), for heading ids and alt texts.
    static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return text }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(current) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text
    }
}
