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
        var leavesOut = false
        for slot in tree.linkSlots {
            let url = resolvedLinks[slot.target] ?? slot.target
            leavesOut = leavesOut || url.isEmpty
            cmark_node_set_url(slot.node, url.isEmpty ? Self.leftOut : url)
        }
        for slot in tree.embedSlots {
            cmark_node_set_on_enter(slot.node, embeds[slot.target] ?? "")
            cmark_node_set_on_exit(slot.node, "")
        }
        let options = MarkdownParser(allowsRawHTML: allowsRawHTML).options
        guard let html = cmark_render_html(tree.root, options, CMarkExtensions.shared.renderList) else { return "" }
        defer { free(html) }
        let text = String(cString: html)
        return leavesOut ? Self.removeLeftOutLinks(text) : text
    }

    /// The URL a link to a left-out item renders with, before its tags are taken away.
    static let leftOut = "vernetzt-left-out:"

    /// `<a href="vernetzt-left-out:">text</a>` → `text` (links never nest, so the next `</a>` closes it).
    static func removeLeftOutLinks(_ html: String) -> String {
        var out = ""
        var rest = Substring(html)
        let opening = "<a href=\"\(leftOut)\""
        while let start = rest.range(of: opening) {
            out += rest[..<start.lowerBound]
            guard let tagEnd = rest[start.upperBound...].firstIndex(of: ">"),
                  let close = rest[tagEnd...].range(of: "</a>") else { break }
            out += rest[rest.index(after: tagEnd)..<close.lowerBound]
            rest = rest[close.upperBound...]
        }
        return out + rest
    }
}
