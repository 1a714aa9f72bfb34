import CMarkGFM

/// The cmark-gfm syntax extensions every document is parsed and rendered with, registered once.
final class CMarkExtensions: @unchecked Sendable {
    static let shared = CMarkExtensions()

    let list: [OpaquePointer]
    /// The same extensions as the linked list cmark's HTML renderer takes (tagfilter acts there).
    let renderList: UnsafeMutablePointer<cmark_llist>?

    private init() {
        cmark_gfm_core_extensions_ensure_registered()
        let names: [String] = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
        list = names.compactMap { name -> OpaquePointer? in cmark_find_syntax_extension(name) }
        var llist: UnsafeMutablePointer<cmark_llist>?
        for ext in list {
            llist = cmark_llist_append(cmark_get_default_mem_allocator(), llist, UnsafeMutableRawPointer(ext))
        }
        renderList = llist
    }
}
