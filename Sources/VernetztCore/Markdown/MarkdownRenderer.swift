import CMarkGFM
import Foundation

/// Renders a parsed body to HTML: `@` links replaced by the URLs the link stage resolved,
/// headings given their ids, everything else by cmark-gfm's own HTML renderer.
public struct MarkdownRenderer: Sendable {
    public var allowsRawHTML: Bool

    public init(allowsRawHTML: Bool) {
        self.allowsRawHTML = allowsRawHTML
    }

    /// `resolvedLinks` maps each `@` URL as written to its final URL; `embeds` each embedded
    /// `@` URL to the HTML that replaces its paragraph.
    public func render(_ tree: MarkdownTree, resolvedLinks: [String: String], embeds: [String: String] = [:]) -> String {
        var headings: [OpaquePointer] = []
        var leftOut: [OpaquePointer] = []
        var embedded: [(OpaquePointer, String)] = []
        tree.forEachNode { node in
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_IMAGE, let url = cmark_node_get_url(node), let html = embeds[String(cString: url)],
               let paragraph = cmark_node_parent(node) {
                embedded.append((paragraph, html))
            }
            if type == CMARK_NODE_LINK, let url = cmark_node_get_url(node), UInt8(bitPattern: url.pointee) == UInt8(ascii: "@") {
                let written = String(cString: url)
                if let resolved = resolvedLinks[written] {
                    if resolved.isEmpty { leftOut.append(node) } else { cmark_node_set_url(node, resolved) }
                }
            } else if type == CMARK_NODE_HEADING {
                headings.append(node)
            }
        }
        for link in leftOut { unwrap(link) }
        for (paragraph, html) in embedded { replace(paragraph, withHTML: html) }
        // Replacing nodes while iterating would break the iterator, so headings are done after.
        if !tree.headingsCarryIDs {
            for (heading, id) in zip(headings, tree.headingIDs) { wrap(heading, id: id) }
            tree.headingsCarryIDs = true  // rendering again must not wrap twice
        }
        var options = MarkdownParser(allowsRawHTML: allowsRawHTML).options
        options |= CMARK_OPT_VALIDATE_UTF8
        guard let html = cmark_render_html(tree.root, options, CMarkExtensions.shared.renderList) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    /// Replaces a block by literal HTML made by the render stage (never by the editor).
    private func replace(_ block: OpaquePointer, withHTML html: String) {
        guard let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(custom, html)
        cmark_node_set_on_exit(custom, "")
        cmark_node_replace(block, custom)
        cmark_node_free(block)
    }

    /// Replaces a link whose target is left out (a draft) by its text.
    private func unwrap(_ link: OpaquePointer) {
        while let child = cmark_node_first_child(link) {
            cmark_node_unlink(child)
            cmark_node_insert_before(link, child)
        }
        cmark_node_unlink(link)
        cmark_node_free(link)
    }

    /// Replaces `<hN>` by a custom block that prints `<hN id="…">`; the heading's inline
    /// children move into it unchanged, so they render exactly as before.
    private func wrap(_ heading: OpaquePointer, id: String) {
        let level = cmark_node_get_heading_level(heading)
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(block, "<h\(level) id=\"\(id)\">")
        cmark_node_set_on_exit(block, "</h\(level)>\n")
        while let child = cmark_node_first_child(heading) {
            cmark_node_unlink(child)
            cmark_node_append_child(block, child)
        }
        cmark_node_replace(heading, block)
        cmark_node_free(heading)
    }
}
