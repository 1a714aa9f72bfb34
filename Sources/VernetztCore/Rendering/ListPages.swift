import VernetztEngine
import VernetztModel

/// Makes one output file when run; pages are made by running their jobs in parallel.
typealias PageJob = @Sendable () -> OutputFile

/// Paginated lists through the `list` layout: the kinds' lists, tag pages, and the full lists
/// behind a busy item's backlink sections.
struct ListPages: Sendable {
    let shared: RenderContext

    /// `folder` relative to the output root; `extra` goes into every page's context.
    /// `layout` is the list layout (`list` unless the kind names another the layouts have).
    func pages(folder: String, title: String, kind: String, items: [Int], isQuotes: Bool = false, layout: String = "list",
               extra: TemplateObject = [:]) -> [PageJob] {
        let pagination = Pagination(folder: folder, pageSize: shared.site.config.pageSize, count: items.count)
        return (1...pagination.pageCount).map { number in { [self] in
          shared.cache.file(pagination.folder(ofPage: number) + "index.html",
                            key: shared.keys.page([folder, title, "\(number)/\(pagination.pageCount)"], members: items[pagination.range(ofPage: number)])) {
            var context = extra
            context[.kind] = .text(kind)
            context[.isQuotes] = .flag(isQuotes)
            context[.items] = .objects(items[pagination.range(ofPage: number)].map(shared.models.teaser))
            context[.pagination] = pagination.context(page: number, basePath: shared.site.config.basePath).map(TemplateValue.object) ?? false
            let path = pagination.folder(ofPage: number)
            let heading = number == 1 ? title : "\(title) – Seite \(number)"
            shared.frame.add(to: &context, title: heading, path: path, description: nil,
                             feeds: shared.feeds.links(forPageAt: path, document: nil))
            return OutputFile(path: path + "index.html", bytes: shared.layouts.render(context, with: layout))
          }
        } }
    }

    /// The list page of every kind that has one (events have their own, see `EventPages`).
    func kindLists() -> [PageJob] {
        shared.site.schema.kinds.filter { $0.hasListPage && $0.event == nil }.flatMap { kind -> [PageJob] in
            guard let members = shared.site.lists[kind], !members.isEmpty else { return [] }
            return pages(folder: kind.urlPrefix, title: kind.pluralTitle, kind: kind.layoutName, items: members,
                         isQuotes: kind.quote != nil, layout: listLayout(of: kind))
        }
    }

    private func listLayout(of kind: ContentKind) -> String {
        shared.layouts.names.contains(kind.listLayout) ? kind.listLayout : "list"
    }

    /// One page per tag, and the index of all tags with their counts.
    func tagPages() -> [PageJob] {
        guard !shared.site.tags.isEmpty else { return [] }
        var files = shared.site.tags.flatMap { tag in
            pages(folder: Tag.folder + tag.slug + "/", title: "Schlagwort: \(tag.name)", kind: "tag", items: tag.members)
        }
        files.append { [self] in shared.cache.file(SitePaths.tagIndex,
                                                    key: shared.keys.page(shared.site.tags.map { "\($0.name)/\($0.members.count)" }, members: [])) {
            var context: TemplateObject = [.tags: .objects(shared.site.tags.map { tag in
                [.name: .text(tag.name), .url: .text(shared.site.config.basePath + Tag.folder + tag.slug + "/"),
                 .count: .number(tag.members.count)]
            })]
            shared.frame.add(to: &context, title: "Schlagwörter", path: Tag.folder, description: nil,
                             feeds: shared.feeds.links(forPageAt: Tag.folder, document: nil))
            return OutputFile(path: SitePaths.tagIndex, bytes: shared.layouts.render(context, with: shared.layouts.names.contains("tags") ? "tags" : "list"))
        } }
        return files
    }

    /// Backlink sections longer than a page show the first page on the item and link here.
    func backlinkPages() -> [PageJob] {
        shared.site.documents.indices.flatMap { i in
            BacklinkOverflow.sections(of: i, in: shared.site).flatMap { section in
                pages(folder: section.folder, title: "\(section.kind.backlinkTitle): \(shared.site.documents[i].displayTitle)",
                      kind: section.kind.layoutName, items: section.members, isQuotes: section.kind.quote != nil)
            }
        }
    }
}
