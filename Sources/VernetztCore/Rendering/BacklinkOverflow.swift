/// The backlink sections of an item that hold more than a page's worth: the item's page shows
/// the first `page_size` and links to a paginated list at `<item>/<folder of the kind>/`.
enum BacklinkOverflow {
    struct Section {
        var kind: ContentKind
        var members: [Int]
        var folder: String
    }

    static func sections(of i: Int, in site: Site) -> [Section] {
        guard !site.documents[i].isHome, site.backlinks[i].count > site.config.pageSize else { return [] }
        var byKind: [ContentKind: [Int]] = [:]
        for source in site.backlinks[i] { byKind[site.documents[source].kind, default: []].append(source) }
        return ContentKind.allCases.compactMap { kind in
            guard let members = byKind[kind], members.count > site.config.pageSize else { return nil }
            return Section(kind: kind, members: members, folder: site.outputPaths[i] + kind.folder + "/")
        }
    }
}
