import CMarkGFM
import CMarkPin
import Foundation
import VernetztEngine

/// The cmark-gfm syntax extensions every document is parsed and rendered with, registered once.
///
/// libcmark-gfm 0.29 adds and removes the extensions' special characters in a process-wide
/// table on every `cmark_parser_finish`, which drops strikethrough and autolinks at random when
/// parsers run on several threads. `CMarkPin` fixes the table once here; should the library
/// ever stop calling the replacement (a build that binds the call inside the library), every
/// finish is serialised instead — correct, only slower.
final class CMarkExtensions: @unchecked Sendable {
    static let shared = CMarkExtensions()

    let list: [OpaquePointer]
    /// The same extensions as the linked list cmark's HTML renderer takes (tagfilter acts there).
    let renderList: UnsafeMutablePointer<cmark_llist>?
    /// Set when the table could not be pinned: then `finish` runs one at a time.
    private let finishLock: NSLock?

    private init() {
        cmark_gfm_core_extensions_ensure_registered()
        let names: [String] = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
        list = names.compactMap { name -> OpaquePointer? in cmark_find_syntax_extension(name) }
        var llist: UnsafeMutablePointer<cmark_llist>?
        for ext in list {
            llist = cmark_llist_append(cmark_get_default_mem_allocator(), llist, UnsafeMutableRawPointer(ext))
        }
        renderList = llist
        finishLock = Self.pinSpecialCharacters(list) ? nil : NSLock()
    }

    /// Pins the table with a parser that has every extension, then proves with one parse that
    /// the library really calls the replacement.
    private static func pinSpecialCharacters(_ extensions: [OpaquePointer]) -> Bool {
        let parser = cmark_parser_new(CMARK_OPT_DEFAULT)!
        defer { cmark_parser_free(parser) }
        for ext in extensions { cmark_parser_attach_syntax_extension(parser, ext) }
        guard vernetzt_cmark_pin_special_characters(parser) == 1 else { return false }
        let before = vernetzt_cmark_replacement_calls()
        let probe = "~~a~~"
        cmark_parser_feed(parser, probe, probe.utf8.count)
        cmark_node_free(cmark_parser_finish(parser))
        return vernetzt_cmark_replacement_calls() > before
    }

    /// `cmark_parser_finish`, safe to call from any thread.
    func finish(_ parser: OpaquePointer) -> OpaquePointer {
        guard let finishLock else { return cmark_parser_finish(parser) }
        return finishLock.withLock { cmark_parser_finish(parser) }
    }

    /// Whether parsers may finish in parallel (the table is pinned); tests read it.
    var finishesInParallel: Bool { finishLock == nil }
}
