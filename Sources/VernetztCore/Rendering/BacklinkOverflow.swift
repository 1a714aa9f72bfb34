import VernetztEngine
import VernetztModel

/// The backlink sections of an item that hold more than a page's worth: the item's page shows
/// the first `page_size` and links to a paginated list at `<item>/<folder of the kind>/`.
enum BacklinkOverflow {
    struct Section: Sendable {
        var kind: ContentKind
        var members: [Int]
        var folder: String
    }

    static func sections(of i: Int, in site: Site) -> [Section] {
        guard !site.documents[i].isHome else { return [] }
        return overflowing(site.backlinks[i], kinds: site.kindIndices, schema: site.schema, pageSize: site.config.pageSize)
            .map { kind, members in
                Section(kind: kind, members: members, folder: site.outputPaths[i] + kind.folder + "/")
            }
    }

    /// The kinds among `backlinks` with more than a page of them, in kind order, with their
    /// members. `kinds` is each document's kind index (`Site.kindIndices`).
    static func overflowing(_ backlinks: [Int], kinds: [Int32], schema: Schema, pageSize: Int) -> [(ContentKind, [Int])] {
        guard backlinks.count > pageSize else { return [] }
        var counts = [Int](repeating: 0, count: schema.kinds.count)
        for source in backlinks { counts[Int(kinds[source])] += 1 }
        return schema.kinds.compactMap { kind in
            guard counts[kind.index] > pageSize else { return nil }
            return (kind, backlinks.filter { kinds[$0] == kind.index })
        }
    }
}
