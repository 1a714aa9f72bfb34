import CMarkArena
import CMarkGFM
import Foundation
import VernetztEngine

/// Parses Markdown bodies with cmark-gfm and the GitHub extensions, and reads off what the
/// link stage needs: `@` links with their positions, heading ids, and images without alt text.
public struct MarkdownParser: Sendable {
    public var allowsRawHTML: Bool
    /// What a screen reader says for a footnote's way back to the text, where cmark-gfm's
    /// „Back to content“ is the wrong language (nil: it stays).
    public var footnoteBackLabel: String?
    /// The folder of the home page's kind: a link to `content/index.md` means its item `index`.
    public var homeFolder: String?

    public init(allowsRawHTML: Bool, language: String = "de") {
        self.allowsRawHTML = allowsRawHTML
        self.footnoteBackLabel = language == "de" ? "Zurück zum Text" : nil
    }

    /// cmark options for parsing and rendering; unsafe (raw HTML) only when the site allows it.
    /// No `CMARK_OPT_VALIDATE_UTF8`: the text comes from a Swift string, valid UTF-8 already.
    var options: Int32 {
        var options = CMARK_OPT_FOOTNOTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE
        if allowsRawHTML { options |= CMARK_OPT_UNSAFE }
        return options
    }

    public struct Result {
        /// The body as HTML with holes for what the link stage decides; its tree is gone.
        public var body: MarkdownBody
        public var links: [MarkdownLink]
        /// Links and images to places in this site given as paths (`/blog/`, `bild.png`, `#ziel`).
        public var localLinks: [MarkdownLink]
        public var diagnostics: [Diagnostic]
    }

    /// cmark-gfm's table extension takes time that grows with the square of a row's cells
    /// (20,000 columns: 5 s, 40,000: 29 s); no real table comes near this.
    static let mostTableColumns = 1000

    public func parse(_ body: some StringProtocol, path: String, firstLine: Int) -> Result {
        parse(utf8: Array(body.utf8)[...], path: path, firstLine: firstLine)
    }

    /// `parse` for a body that is checked UTF-8 already (a content file's, kept as bytes).
    public func parse(utf8 body: ArraySlice<UInt8>, path: String, firstLine: Int) -> Result {
        if let line = Self.lineWithTooManyCells(body) {
            let location = SourceLocation(path: path, line: firstLine + line, column: 1)
            return Result(body: MarkdownBody(html: [], headingIDs: [], linkTargets: [], embedTargets: []), links: [], localLinks: [],
                          diagnostics: [.error(location, .tableTooWide(Self.mostTableColumns))])
        }
        let extensions = CMarkExtensions.shared
        // The document's tree lives in this thread's arena (`CMarkArena`) and goes with it at
        // the end, after the parser: nothing cmark made is used after this function.
        vernetzt_arena_begin()
        defer { vernetzt_arena_end() }
        let parser = cmark_parser_new_with_mem(options, vernetzt_arena_mem())!
        defer { cmark_parser_free(parser) }
        for ext in extensions.list { cmark_parser_attach_syntax_extension(parser, ext) }
        let lines = LineIndex(body)
        body.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        let tree = MarkdownTree(root: extensions.finish(parser), firstLine: firstLine)

        var links: [MarkdownLink] = []
        var localLinks: [MarkdownLink] = []
        var diagnostics: [Diagnostic] = []
        var usedIDs = UsedIDs()
        var headings: [OpaquePointer] = []
        var atLinks: [(OpaquePointer, String)] = []
        var embeds: [(OpaquePointer, String)] = []
        var pictures: [(OpaquePointer, BodyPicture)] = []
        var media: [(OpaquePointer, MediaEmbed)] = []
        tree.forEachNode { node in
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_HEADING {
                headings.append(node)
                let text = MarkdownTree.plainText(of: node)
                let id = Self.uniqueID(for: text, used: &usedIDs)
                tree.headingIDs.append(id)
                switch cmark_node_get_heading_level(node) {
                case 1:
                    // The page's title is its one heading of the first level.
                    diagnostics.append(.warning(location(of: node, in: tree, path: path, lines: lines), .headingOfLevelOne(text)))
                case 2:
                    tree.sections.append(BodySection(id: id, title: text))
                default:
                    break
                }
            } else if type == CMARK_NODE_LINK, let url = cmark_node_get_url(node) {
                let target = String(cString: url)
                // Found only for the links that keep it: most links lead elsewhere and need none.
                let place = { location(of: node, in: tree, path: path, lines: lines) }
                if let scheme = Self.forbiddenScheme(target) {
                    diagnostics.append(.error(place(), .linkScheme(scheme)))
                } else if target.hasPrefix("@") {
                    links.append(MarkdownLink(raw: target, location: place()))
                    atLinks.append((node, target))
                } else if let file = SourceFileLink(target, from: path, homeFolder: homeFolder) {
                    switch file {
                    case .item(let item):
                        links.append(MarkdownLink(raw: item, location: place()))
                        atLinks.append((node, item))
                    case .noItem(let resolved):
                        diagnostics.append(.error(place(), .linkToNoItemFile(target, file: resolved)))
                    }
                } else if Self.standsAlone(node), let paragraph = cmark_node_parent(node),
                          let embed = MediaEmbed(url: target, text: MarkdownTree.plainText(of: node)) {
                    media.append((paragraph, embed))
                } else if Self.isLocal(target) {
                    localLinks.append(MarkdownLink(raw: target, location: place()))
                }
            } else if type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE, let literal = cmark_node_get_literal(node) {
                let place = { location(of: node, in: tree, path: path, lines: lines) }
                if Self.containsFrame(literal) {
                    // A video pasted from YouTube's „Teilen“ dialog: never published as it is.
                    diagnostics.append(.warning(place(), .iframe))
                } else if !allowsRawHTML {
                    // Dropped from the page: the editor is told, unless it is a comment or a closing tag.
                    if let tag = Self.droppedTag(literal) {
                        diagnostics.append(.warning(place(), type == CMARK_NODE_HTML_BLOCK ? .rawHTMLBlockOff(tag) : .rawHTMLOff(tag)))
                    }
                } else {
                    // The sanitiser cleans the whole body later; here the editor learns what it takes out.
                    let (scheme, removed) = HTMLSanitizer.inspect(String(cString: literal))
                    if let scheme {
                        diagnostics.append(.error(place(), .linkScheme(scheme)))
                    } else if !removed.isEmpty {
                        diagnostics.append(.warning(place(), .rawHTMLRemoved(Array(Set(removed)).sorted().joined(separator: ", "))))
                    }
                }
            } else if type == CMARK_NODE_IMAGE, let url = cmark_node_get_url(node) {
                let target = String(cString: url)
                let location = location(of: node, in: tree, path: path, lines: lines)
                if let scheme = Self.forbiddenScheme(target) {
                    diagnostics.append(.error(location, .imageScheme(scheme)))
                    return
                }
                if target.hasPrefix("@") {
                    if Self.standsAlone(node), let paragraph = cmark_node_parent(node) {
                        links.append(MarkdownLink(raw: target, location: location, isEmbed: true))
                        embeds.append((paragraph, target))
                    } else {
                        diagnostics.append(.error(location, .embedNotAlone))
                    }
                    return
                }
                let alt = MarkdownTree.plainText(of: node)
                if Self.isLocal(target) {
                    localLinks.append(MarkdownLink(raw: target, location: location, isImage: true))
                    let title = cmark_node_get_title(node).map { String(cString: $0) } ?? ""
                    pictures.append((node, BodyPicture(raw: target, alt: alt, title: title)))
                }
                if alt.trimmingCharacters(in: .whitespaces).isEmpty {
                    diagnostics.append(.warning(location, .imageWithoutAlt))
                }
            }
        }
        // A walk of its own, for the few bodies that hold `[^`: the one above runs for every node
        // of every page.
        if FootnoteCheck.applies(to: body) {
            var footnotes = FootnoteCheck()
            tree.forEachNode { footnotes.visit($0) }
            tree.footnoteBackLabel = footnoteBackLabel
            diagnostics += footnotes.findings(in: body,
                                              place: { SourceLocation(path: path, line: $0 + tree.firstLine - 1, column: $1) },
                                              at: { location(of: $0, in: tree, path: path, lines: lines) })
        }
        // Reshaping nodes while iterating would break the iterator, so it happens after.
        for (heading, id) in zip(headings, tree.headingIDs) { tree.giveID(id, to: heading) }
        // An embed's paragraph goes, with everything in it: an `@` link in the embed's alt text
        // must not keep a slot pointing into it.
        let embedded = Set(embeds.map { UInt(bitPattern: $0.0) })
        for (link, target) in atLinks where !Self.isInside(link, anyOf: embedded) {
            tree.makeSlot(forLink: link, target: target)
        }
        for (paragraph, target) in embeds { tree.makeSlot(forEmbedIn: paragraph, target: target) }
        for (image, picture) in pictures { tree.makeSlot(forPicture: image, picture) }
        for (paragraph, embed) in media { tree.makeSlot(forMediaIn: paragraph, embed) }
        return Result(body: tree.prerender(options: options), links: links, localLinks: localLinks, diagnostics: diagnostics)
    }

    /// The 0-based line of the first line with more `|` than a table may have columns. Bodies
    /// with fewer `|` in all are passed at memchr's speed.
    static func lineWithTooManyCells(_ body: ArraySlice<UInt8>) -> Int? {
        body.withUnsafeBufferPointer { bytes -> Int? in
            guard let base = bytes.baseAddress else { return nil }
            var pipes = 0
            var at = 0
            while pipes <= mostTableColumns, at < bytes.count, let hit = memchr(base + at, Int32(UInt8(ascii: "|")), bytes.count - at) {
                pipes += 1
                at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
            }
            guard pipes > mostTableColumns else { return nil }
            var line = 0
            var inLine = 0
            for byte in bytes {
                if byte == UInt8(ascii: "|") {
                    inLine += 1
                    if inLine > mostTableColumns { return line }
                } else if byte == UInt8(ascii: "\n") {
                    line += 1
                    inLine = 0
                }
            }
            return nil
        }
    }

    /// Whether one of `node`'s ancestors is among `nodes` (as pointer bit patterns).
    private static func isInside(_ node: OpaquePointer, anyOf nodes: Set<UInt>) -> Bool {
        guard !nodes.isEmpty else { return false }
        var current = cmark_node_parent(node)
        while let parent = current {
            if nodes.contains(UInt(bitPattern: parent)) { return true }
            current = cmark_node_parent(parent)
        }
        return false
    }

    /// The file position of a node. cmark counts columns in bytes; editors, Yams and our
    /// messages count characters, so the column is converted on the node's line.
    private func location(of node: OpaquePointer, in tree: MarkdownTree, path: String, lines: LineIndex) -> SourceLocation {
        var line = Int(cmark_node_get_start_line(node))
        var column = Int(cmark_node_get_start_column(node))
        var current: OpaquePointer? = node
        // Inline nodes may carry no position; the nearest block ancestor's is the next best.
        while line == 0, let parent = current.flatMap(cmark_node_parent) {
            current = parent
            line = Int(cmark_node_get_start_line(parent))
            column = Int(cmark_node_get_start_column(parent))
        }
        return SourceLocation(path: path, line: max(line, 1) + tree.firstLine - 1,
                              column: lines.characterColumn(byteColumn: max(column, 1), line: max(line, 1)))
    }

    /// `javascript:`, `vbscript:` or `data:` (any case, with the spaces and control characters
    /// browsers skip): a URL that carries code or content instead of pointing somewhere.
    package static func forbiddenScheme(_ url: String) -> String? {
        // Compared byte by byte as the address goes, without a copy: every link of every page
        // passes here. Spaces and control characters in it do not count (browsers skip them).
        for scheme in forbiddenSchemes where startsSqueezed(url, with: scheme) { return scheme }
        return nil
    }

    static let forbiddenSchemes = ["javascript:", "vbscript:", "data:"]

    /// Whether `url`, without bytes up to 0x20 and in ASCII lower case, starts with `prefix`.
    private static func startsSqueezed(_ url: String, with prefix: String) -> Bool {
        var expected = prefix.utf8.makeIterator()
        var next = expected.next()
        for byte in url.utf8 where byte > 0x20 {
            guard let want = next else { return true }
            let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            guard lower == want else { return false }
            next = expected.next()
        }
        return next == nil
    }

    /// A path into this site rather than an address elsewhere (`https:`, `mailto:`, `//host`).
    static func isLocal(_ url: String) -> Bool {
        guard !url.isEmpty, !url.hasPrefix("//") else { return false }
        // A scheme is what comes before the first `:` that no `/`, `#` or `?` precedes (bytes:
        // every link of every page passes here).
        for byte in url.utf8 {
            switch byte {
            case UInt8(ascii: ":"): return false
            case UInt8(ascii: "/"), UInt8(ascii: "#"), UInt8(ascii: "?"): return true
            default: continue
            }
        }
        return true
    }

    /// The tag raw HTML starts with, as the editor wrote it without its attributes (`<div>`),
    /// or the start of a declaration (`<!DOCTYPE`); nil for a comment and a closing tag, which
    /// drop nothing the reader would have seen.
    static func droppedTag(_ literal: UnsafePointer<CChar>) -> String? {
        let text = Substring(String(cString: literal).drop { $0 == " " })
        guard text.hasPrefix("<"), !text.hasPrefix("<!--"), !text.hasPrefix("</") else { return nil }
        let name = text.dropFirst().prefix { $0.isLetter || $0.isNumber || $0 == "-" }
        return name.isEmpty ? String(text.prefix { !$0.isWhitespace && $0 != ">" }.prefix(12)) : "<\(name)>"
    }

    /// Whether raw HTML holds an `<iframe` (any case).
    private static func containsFrame(_ literal: UnsafePointer<CChar>) -> Bool {
        String(cString: literal).range(of: "<iframe", options: .caseInsensitive) != nil
    }

    /// Whether the node is the only thing in its paragraph (an embed replaces the paragraph).
    /// Empty text beside it does not count (the autolink extension leaves some around a bare URL).
    static func standsAlone(_ node: OpaquePointer) -> Bool {
        guard let parent = cmark_node_parent(node), cmark_node_get_type(parent) == CMARK_NODE_PARAGRAPH else { return false }
        var child = cmark_node_first_child(parent)
        while let current = child {
            let isEmptyText = cmark_node_get_type(current) == CMARK_NODE_TEXT && (cmark_node_get_literal(current).map { $0.pointee == 0 } ?? true)
            if current != node && !isEmptyText { return false }
            child = cmark_node_next(current)
        }
        return true
    }

    /// German-aware id for a heading, made unique within the page with -2, -3, …
    static func uniqueID(for text: String, used: inout UsedIDs) -> String {
        var base = Slug.make(text)
        if base.isEmpty { base = "abschnitt" }
        var candidate = base
        var number = 1
        while used.contains(candidate) {
            number += 1
            candidate = "\(base)-\(number)"
        }
        used.insert(candidate)
        return candidate
    }
}
