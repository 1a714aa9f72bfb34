import CMarkGFM
import Foundation

/// Renders a parsed body to HTML with cmark-gfm's own renderer, after writing into the
/// placeholders what the link stage decided: each `@` link's URL (or nothing, when its target
/// is left out), each embed's HTML.
public struct MarkdownRenderer: Sendable {
    public var allowsRawHTML: Bool

    public init(allowsRawHTML: Bool) {
        self.allowsRawHTML = allowsRawHTML
    }

    /// `resolvedLinks` maps each `@` URL as written to its final URL ("" for a target that is
    /// left out: the text stays, the link goes); `embeds` maps each embed to its HTML.
    public func render(_ tree: MarkdownTree, resolvedLinks: [String: String], embeds: [String: String] = [:]) -> String {
        for slot in tree.linkSlots {
            let url = resolvedLinks[slot.target] ?? slot.target
            if url.isEmpty {
                cmark_node_set_on_enter(slot.node, "")
                cmark_node_set_on_exit(slot.node, "")
            } else {
                let title = slot.title.isEmpty ? "" : " title=\"\(HTMLEscaping.attribute(slot.title))\""
                cmark_node_set_on_enter(slot.node, "<a href=\"\(HTMLEscaping.attribute(url))\"\(title)>")
                cmark_node_set_on_exit(slot.node, "</a>")
            }
        }
        for slot in tree.embedSlots {
            cmark_node_set_on_enter(slot.node, embeds[slot.target] ?? "")
            cmark_node_set_on_exit(slot.node, "")
        }
        let options = MarkdownParser(allowsRawHTML: allowsRawHTML).options
        guard let html = cmark_render_html(tree.root, options, CMarkExtensions.shared.renderList) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }
}
