import CGumbo
import VernetztEngine

/// Raw HTML in Markdown (only with `raw_html: true`) made safe: the body's HTML is parsed as a
/// browser parses it (gumbo, HTML5 tree construction), and written anew from the tree with only
/// allowed elements and attributes. Scripts, styles, frames, forms and foreign content (SVG,
/// MathML) go with their content; other unknown elements give way to their content; event
/// handlers, `style` and unknown attributes go; `href`, `src` and `cite` lose `javascript:`,
/// `vbscript:` and `data:` addresses. What is written is escaped for its place, so what the
/// reader's browser parses is this tree and nothing else.
enum HTMLSanitizer {
    static let allowedElements: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col", "colgroup",
        "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3",
        "h4", "h5", "h6", "hr", "i", "img", "input", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q",
        "rp", "rt", "ruby", "s", "samp", "section", "small", "span", "strong", "sub", "summary", "sup",
        "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
    ]
    /// Elements whose content must not show either (code, styles, embedded documents, forms).
    static let droppedWithContent: Set<String> = [
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "template",
        "noscript", "noembed", "noframes", "textarea", "select", "button", "svg", "math", "xmp",
        "plaintext", "head", "title", "meta", "link", "base", "audio", "video", "canvas", "form",
    ]
    static let voidElements: Set<String> = ["br", "col", "hr", "img", "input", "wbr"]
    static let globalAttributes: Set<String> = [
        "id", "class", "title", "lang", "dir", "aria-label", "aria-hidden", "aria-describedby",
        "data-footnotes", "data-footnote-ref", "data-footnote-backref",
    ]
    static let elementAttributes: [String: Set<String>] = [
        "a": ["href", "hreflang", "rel"], "img": ["src", "alt", "width", "height", "loading"],
        "td": ["align", "colspan", "rowspan"], "th": ["align", "colspan", "rowspan", "scope"],
        "ol": ["start", "reversed", "type"], "li": ["value"], "q": ["cite"], "blockquote": ["cite"],
        "del": ["cite", "datetime"], "ins": ["cite", "datetime"], "time": ["datetime"],
        "input": ["type", "checked", "disabled"], "pre": ["lang"], "col": ["span"], "colgroup": ["span"],
        "details": ["open"],
    ]
    static let urlAttributes: Set<String> = ["href", "src", "cite"]

    /// `html` with only what is allowed; comments go, except those named in `keptComments`
    /// (the marks the parse stage leaves for embeds).
    static func sanitize(_ html: [UInt8], keptComments: Set<String>) -> [UInt8] {
        run(html, keptComments: keptComments).out
    }

    /// What sanitising a piece of raw HTML (one cmark HTML node) takes out: the first code
    /// address (`javascript:` …, an error as anywhere else) and the elements and attributes removed.
    static func inspect(_ html: String) -> (forbiddenScheme: String?, removed: [String]) {
        let writer = run(Array(html.utf8), keptComments: [])
        return (writer.forbiddenScheme, writer.removed)
    }

    private static func run(_ html: [UInt8], keptComments: Set<String>) -> Writer {
        var options = kGumboDefaultOptions
        options.fragment_context = GUMBO_TAG_DIV
        options.max_errors = 0
        var writer = Writer(keptComments: keptComments)
        html.withUnsafeBufferPointer { bytes in
            guard let output = bytes.withMemoryRebound(to: CChar.self, { chars in
                gumbo_parse_with_options(&options, chars.baseAddress, chars.count)
            }) else { return }
            defer { gumbo_destroy_output(&options, output) }
            writer.writeChildren(of: output.pointee.root)
        }
        return writer
    }

    private struct Writer {
        let keptComments: Set<String>
        var out: [UInt8] = []
        var forbiddenScheme: String?
        var removed: [String] = []

        mutating func writeChildren(of node: UnsafeMutablePointer<GumboNode>) {
            let children: GumboVector
            switch node.pointee.type {
            case GUMBO_NODE_ELEMENT, GUMBO_NODE_TEMPLATE: children = node.pointee.v.element.children
            case GUMBO_NODE_DOCUMENT: children = node.pointee.v.document.children
            default: return
            }
            for index in 0..<Int(children.length) {
                guard let child = children.data[index]?.assumingMemoryBound(to: GumboNode.self) else { continue }
                write(child)
            }
        }

        mutating func write(_ node: UnsafeMutablePointer<GumboNode>) {
            switch node.pointee.type {
            case GUMBO_NODE_TEXT, GUMBO_NODE_WHITESPACE, GUMBO_NODE_CDATA:
                HTMLEscaping.escape(String(cString: node.pointee.v.text.text), into: &out)
            case GUMBO_NODE_COMMENT:
                let text = String(cString: node.pointee.v.text.text)
                if keptComments.contains(text) { out += Array("<!--\(text)-->".utf8) }
            case GUMBO_NODE_ELEMENT:
                writeElement(node)
            default:
                return  // templates and documents carry nothing a page may show
            }
        }

        mutating func writeElement(_ node: UnsafeMutablePointer<GumboNode>) {
            let element = node.pointee.v.element
            guard element.tag_namespace == GUMBO_NAMESPACE_HTML else { return }
            let name = String(cString: gumbo_normalized_tagname(element.tag))
            if droppedWithContent.contains(name) {
                removed.append("<\(name)>")
                return
            }
            guard !name.isEmpty, allowedElements.contains(name) else {
                writeChildren(of: node)
                return
            }
            if name == "input" && !isDisabledCheckbox(element) {
                removed.append("<input>")
                return
            }
            out += Array("<\(name)".utf8)
            let allowed = elementAttributes[name] ?? []
            for index in 0..<Int(element.attributes.length) {
                guard let attribute = element.attributes.data[index]?.assumingMemoryBound(to: GumboAttribute.self) else { continue }
                let key = String(cString: attribute.pointee.name).lowercased()
                let value = String(cString: attribute.pointee.value)
                guard globalAttributes.contains(key) || allowed.contains(key) else {
                    if key.hasPrefix("on") || key == "style" { removed.append("\(key)=") }
                    continue
                }
                if urlAttributes.contains(key), let scheme = MarkdownParser.forbiddenScheme(value) {
                    forbiddenScheme = forbiddenScheme ?? scheme
                    continue
                }
                out += Array(" \(key)=\"".utf8)
                HTMLEscaping.escape(value, into: &out)
                out.append(UInt8(ascii: "\""))
            }
            out.append(UInt8(ascii: ">"))
            if voidElements.contains(name) { return }
            // The HTML parser drops a newline right after <pre>; one more keeps a leading one.
            if name == "pre", startsWithNewline(node) { out.append(UInt8(ascii: "\n")) }
            writeChildren(of: node)
            out += Array("</\(name)>".utf8)
        }

        private func isDisabledCheckbox(_ element: GumboElement) -> Bool {
            var type = "", disabled = false
            for index in 0..<Int(element.attributes.length) {
                guard let attribute = element.attributes.data[index]?.assumingMemoryBound(to: GumboAttribute.self) else { continue }
                let key = String(cString: attribute.pointee.name).lowercased()
                if key == "type" { type = String(cString: attribute.pointee.value).lowercased() }
                if key == "disabled" { disabled = true }
            }
            return type == "checkbox" && disabled
        }

        private func startsWithNewline(_ node: UnsafeMutablePointer<GumboNode>) -> Bool {
            let children = node.pointee.v.element.children
            guard children.length > 0, let first = children.data[0]?.assumingMemoryBound(to: GumboNode.self),
                  [GUMBO_NODE_TEXT, GUMBO_NODE_WHITESPACE].contains(first.pointee.type) else { return false }
            return first.pointee.v.text.text.pointee == 0x0A
        }
    }
}
