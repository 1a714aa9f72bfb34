import CMarkArena
import CMarkGFM
import Foundation
import VernetztEngine

/// Owns one cmark-gfm document tree while the parse stage prepares it: headings get their
/// ids, every `@` link and embed becomes a slot, and `prerender` turns it into a
/// `MarkdownBody`; the tree goes with the parse's arena. Only ever touched by one task at a
/// time, hence `@unchecked Sendable`.
public final class MarkdownTree: @unchecked Sendable {
    let root: OpaquePointer
    /// The file line of the body's first line, to turn cmark's positions into file positions.
    public let firstLine: Int
    /// Heading ids in document order, unique within the page.
    public internal(set) var headingIDs: [String] = []
    /// The second-level headings (id and text): a long page's table of contents.
    var sections: [BodySection] = []
    /// `@` links as written: their URL is set anew before each render.
    var linkSlots: [(node: OpaquePointer, target: String)] = []
    /// Embeds as written, each in a block placeholder where its paragraph was.
    var embedSlots: [(node: OpaquePointer, target: String)] = []
    /// Pictures into the site, each in an inline placeholder where its image was.
    var pictureSlots: [(node: OpaquePointer, picture: BodyPicture)] = []
    /// Videos and maps, each in a block placeholder where its paragraph was.
    var mediaSlots: [(node: OpaquePointer, embed: MediaEmbed)] = []

    /// The label for footnotes' links back to the text instead of cmark-gfm's English one,
    /// when the body may have footnotes and the site is not in English.
    var footnoteBackLabel: String?

    init(root: OpaquePointer, firstLine: Int) {
        self.root = root
        self.firstLine = firstLine
    }

    // No deinit: the tree is in the parse's arena (`CMarkArena`), released all at once when
    // the parse is done; freeing it node by node walked the whole tree for nothing.

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

    /// Renders the tree with marks in its slots, for `MarkdownBody` to turn into holes.
    func prerender(options: Int32) -> MarkdownBody {
        for (k, slot) in linkSlots.enumerated() {
            cmark_node_set_url(slot.node, "vernetzt-slot:\(k)")
        }
        for (k, slot) in embedSlots.enumerated() {
            cmark_node_set_on_enter(slot.node, "<!--vernetzt-embed:\(k)-->")
            cmark_node_set_on_exit(slot.node, "")
        }
        for (k, slot) in mediaSlots.enumerated() {
            cmark_node_set_on_enter(slot.node, "<!--vernetzt-media:\(k)-->")
            cmark_node_set_on_exit(slot.node, "")
        }
        for (k, slot) in pictureSlots.enumerated() {
            cmark_node_set_on_enter(slot.node, "<!--vernetzt-picture:\(k)-->")
            cmark_node_set_on_exit(slot.node, "")
        }
        var html: [UInt8] = []
        if let rendered = cmark_render_html(root, options, CMarkExtensions.shared.renderList) {
            // (In the arena with the tree: not for free().)
            html = Array(UnsafeBufferPointer(start: UnsafeRawPointer(rendered).assumingMemoryBound(to: UInt8.self),
                                             count: strlen(rendered)))
        }
        // Raw HTML passes cmark as written; the sanitiser keeps only what is allowed.
        if options & CMARK_OPT_UNSAFE != 0 {
            html = HTMLSanitizer.sanitize(html, keptComments: Set(embedSlots.indices.map { "vernetzt-embed:\($0)" }
                                                                   + pictureSlots.indices.map { "vernetzt-picture:\($0)" }
                                                                   + mediaSlots.indices.map { "vernetzt-media:\($0)" }))
        }
        if let footnoteBackLabel {
            let english = Array(#"aria-label="Back to content""#.utf8)
            let told = Array(#"aria-label="\#(footnoteBackLabel)""#.utf8)
            var from = 0
            while let at = ByteSearch.firstIndex(of: english, in: html, from: from) {
                html.replaceSubrange(at..<(at + english.count), with: told)
                from = at + told.count
            }
        }
        // The embeds' own markup (a button, data attributes) goes in after the sanitiser.
        for (k, slot) in mediaSlots.enumerated() {
            let mark = Array("<!--vernetzt-media:\(k)-->".utf8)
            if let at = ByteSearch.firstIndex(of: mark, in: html) { html.replaceSubrange(at..<(at + mark.count), with: Array(slot.embed.html.utf8)) }
        }
        return MarkdownBody(html: html, headingIDs: headingIDs, sections: sections, linkTargets: linkSlots.map(\.target),
                            embedTargets: embedSlots.map(\.target), pictures: pictureSlots.map(\.picture),
                            hasMediaEmbeds: !mediaSlots.isEmpty)
    }

    // MARK: Preparing the tree (parse stage)

    /// Replaces `<hN>` by a block that prints `<hN id="…">`; the inline children move along.
    /// Where the parent refuses the block, the heading stays as it is (without an id).
    func giveID(_ id: String, to heading: OpaquePointer) {
        let level = cmark_node_get_heading_level(heading)
        guard let block = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, vernetzt_arena_mem()) else { return }
        // Written byte by byte: interpolating the level and id cost a few thousand instructions
        // per heading. Levels are 1 to 6; the id is a slug (letters, digits, `-`).
        let digit = UInt8(ascii: "0") + UInt8(clamping: level)
        var enter = Array("<h".utf8)
        enter.reserveCapacity(id.utf8.count + 12)
        enter.append(digit)
        enter += " id=\"".utf8
        enter += id.utf8
        enter += [UInt8(ascii: "\""), UInt8(ascii: ">"), 0]
        let exit: [UInt8] = [UInt8(ascii: "<"), UInt8(ascii: "/"), UInt8(ascii: "h"), digit, UInt8(ascii: ">"), UInt8(ascii: "\n"), 0]
        enter.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { _ = cmark_node_set_on_enter(block, $0.baseAddress) } }
        exit.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { _ = cmark_node_set_on_exit(block, $0.baseAddress) } }
        guard cmark_node_insert_before(heading, block) == 1 else {
            cmark_node_free(block)
            return
        }
        while let child = cmark_node_first_child(heading) {
            cmark_node_unlink(child)
            if cmark_node_append_child(block, child) != 1 { cmark_node_free(child) }
        }
        cmark_node_free(heading)
    }

    /// Notes an `@` link; the node stays (table cells, for one, take no other kind of inline).
    func makeSlot(forLink link: OpaquePointer, target: String) {
        linkSlots.append((link, target))
    }

    /// Replaces a picture by an inline placeholder; its alt text goes with it (already read).
    func makeSlot(forPicture image: OpaquePointer, _ picture: BodyPicture) {
        if let slot = replace(image, by: CMARK_NODE_CUSTOM_INLINE) { pictureSlots.append((slot, picture)) }
    }

    /// Replaces a video's or map's paragraph by a block placeholder (where the parent allows it).
    func makeSlot(forMediaIn paragraph: OpaquePointer, _ embed: MediaEmbed) {
        if let slot = replace(paragraph, by: CMARK_NODE_CUSTOM_BLOCK) { mediaSlots.append((slot, embed)) }
    }

    /// Replaces an embed's paragraph by a block placeholder (where the parent allows it).
    func makeSlot(forEmbedIn paragraph: OpaquePointer, target: String) {
        if let slot = replace(paragraph, by: CMARK_NODE_CUSTOM_BLOCK) { embedSlots.append((slot, target)) }
    }

    /// A new node of `type` where `node` was, which is freed with its children; nil (and the
    /// tree unchanged) where the parent refuses it.
    private func replace(_ node: OpaquePointer, by type: cmark_node_type) -> OpaquePointer? {
        guard let slot = cmark_node_new_with_mem(type, vernetzt_arena_mem()) else { return nil }
        guard cmark_node_replace(node, slot) == 1 else {
            cmark_node_free(slot)
            return nil
        }
        cmark_node_free(node)
        return slot
    }
}
