import VernetztEngine
import VernetztModel

/// The pages of paginated lists through their layout (`list` unless the kind names another):
/// the kinds' lists, tag pages, the full lists behind a busy item's backlink sections, and the
/// index of all tags.
struct ListPages: Sendable {
    let shared: RenderContext
    /// Each item's backlink sections that run over pages, worked out once for all their pages.
    let overflow: LazySlots<[BacklinkOverflow.Section]>

    init(shared: RenderContext) {
        self.shared = shared
        overflow = LazySlots(count: shared.site.documents.count)
    }

    /// What a list shows: its folder, heading, the kind its entries are, its items.
    struct Source {
        var folder: String
        var title: String
        var kind: String
        var items: [Int]
        var isQuotes = false
        var layout = "list"
    }

    func source(of list: PlannedList) -> Source {
        let site = shared.site
        switch list {
        case .kind(let kind):
            let layout = shared.layouts.names.contains(kind.listLayout) ? kind.listLayout : "list"
            return Source(folder: kind.urlPrefix, title: kind.pluralTitle, kind: kind.layoutName, items: site.lists[kind] ?? [],
                          isQuotes: kind.quote != nil, layout: layout)
        case .tag(let t):
            let tag = site.tags[t]
            return Source(folder: Tag.folder + tag.slug + "/", title: "Schlagwort: \(tag.name)", kind: "tag", items: tag.members)
        case .backlinks(let i, let kind):
            let section = overflow.value(i) { BacklinkOverflow.sections(of: i, in: site) }.first { $0.kind == kind }
            return Source(folder: section?.folder ?? "", title: "\(kind.backlinkTitle): \(site.documents[i].displayTitle)",
                          kind: kind.layoutName, items: section?.members ?? [], isQuotes: kind.quote != nil)
        }
    }

    /// Page `number` of `list`: its path, what it shows (for its cache key) and how it is made.
    func page(_ list: PlannedList, number: Int) -> (key: () -> Int, make: () -> OutputFile) {
        let source = source(of: list)
        let pagination = Pagination(folder: source.folder, pageSize: shared.site.config.pageSize, count: source.items.count)
        let shown = Array(source.items[pagination.range(ofPage: number)])
        return ({ shared.keys.page([source.folder, source.title, "\(number)/\(pagination.pageCount)"], members: shown) }, {
            var context = TemplateObject()
            context[.kind] = .text(source.kind)
            context[.isQuotes] = .flag(source.isQuotes)
            context[.items] = .objects(shown.map(shared.models.teaser))
            context[.pagination] = pagination.context(page: number, basePath: shared.site.config.basePath).map(TemplateValue.object) ?? false
            let path = pagination.folder(ofPage: number)
            let heading = number == 1 ? source.title : "\(source.title) – Seite \(number)"
            shared.frame.add(to: &context, title: heading, path: path, description: nil,
                             feeds: shared.feeds.links(forPageAt: path, document: nil))
            return OutputFile(path: path + "index.html", bytes: shared.layouts.render(context, with: source.layout))
        })
    }

    /// The index of all tags with their counts.
    func tagIndex() -> (key: () -> Int, make: () -> OutputFile) {
        let site = shared.site
        return ({ shared.keys.page(site.tags.map { "\($0.name)/\($0.members.count)" }, members: []) }, {
            var context: TemplateObject = [.tags: .objects(site.tags.map { tag in
                [.name: .text(tag.name), .url: .text(site.config.basePath + Tag.folder + tag.slug + "/"),
                 .count: .number(tag.members.count)]
            })]
            shared.frame.add(to: &context, title: "Schlagwörter", path: Tag.folder, description: nil,
                             feeds: shared.feeds.links(forPageAt: Tag.folder, document: nil))
            return OutputFile(path: SitePaths.tagIndex, bytes: shared.layouts.render(context, with: shared.layouts.names.contains("tags") ? "tags" : "list"))
        })
    }
}
