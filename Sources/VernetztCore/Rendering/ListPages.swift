/// Makes one output file when run; pages are made by running their jobs in parallel.
typealias PageJob = () -> OutputFile

/// Paginated lists through the `list` layout: the kinds' lists, tag pages, and the full lists
/// behind a busy item's backlink sections. A class: each of thousands of page jobs holds it.
final class ListPages {
    let site: Site
    let models: ViewModelBuilder
    let frame: PageFrame
    let layouts: LayoutLibrary
    let feeds: SiteFeeds
    let cache: RenderCache?
    let keys: Fingerprints

    init(site: Site, models: ViewModelBuilder, frame: PageFrame, layouts: LayoutLibrary, feeds: SiteFeeds,
         cache: RenderCache?, keys: Fingerprints) {
        self.site = site
        self.models = models
        self.frame = frame
        self.layouts = layouts
        self.feeds = feeds
        self.cache = cache
        self.keys = keys
    }

    /// `folder` relative to the output root; `extra` goes into every page's context.
    func pages(folder: String, title: String, kind: String, items: [Int], extra: [String: Any] = [:]) -> [PageJob] {
        let pagination = Pagination(folder: folder, pageSize: site.config.pageSize, count: items.count)
        return (1...pagination.pageCount).map { number in { [self] in
          cache.file(pagination.folder(ofPage: number) + "index.html",
                     key: keys.page([folder, title, "\(number)/\(pagination.pageCount)"], members: items[pagination.range(ofPage: number)])) {
            var context = extra
            context["kind"] = kind
            context["is_quotes"] = kind == ContentKind.testimonial.layoutName
            context["items"] = items[pagination.range(ofPage: number)].map(models.teaser)
            context["pagination"] = pagination.context(page: number, basePath: site.config.basePath) ?? false
            let path = pagination.folder(ofPage: number)
            let heading = number == 1 ? title : "\(title) – Seite \(number)"
            frame.add(to: &context, title: heading, path: path, description: nil,
                      feeds: feeds.links(forPageAt: path, document: nil))
            return OutputFile(path: path + "index.html", bytes: layouts.render(context, with: "list"))
          }
        } }
    }

    /// The list page of every kind that has one (events have their own, see `EventPages`).
    func kindLists() -> [PageJob] {
        ContentKind.allCases.filter { $0.hasListPage && $0 != .event }.flatMap { kind -> [PageJob] in
            guard let members = site.lists[kind], !members.isEmpty else { return [] }
            return pages(folder: kind.urlPrefix, title: kind.pluralTitle, kind: kind.layoutName, items: members)
        }
    }

    /// One page per tag, and the index of all tags with their counts.
    func tagPages() -> [PageJob] {
        guard !site.tags.isEmpty else { return [] }
        var files = site.tags.flatMap { tag in
            pages(folder: Tag.folder + tag.slug + "/", title: "Schlagwort: \(tag.name)", kind: "tag", items: tag.members)
        }
        let key = keys.page(site.tags.map { "\($0.name)/\($0.members.count)" }, members: [])
        files.append { [self] in cache.file(SitePaths.tagIndex, key: key) {
            var context: [String: Any] = ["tags": site.tags.map { tag -> [String: Any] in
                ["name": tag.name, "url": site.config.basePath + Tag.folder + tag.slug + "/", "count": tag.members.count]
            }]
            frame.add(to: &context, title: "Schlagwörter", path: Tag.folder, description: nil,
                      feeds: feeds.links(forPageAt: Tag.folder, document: nil))
            return OutputFile(path: SitePaths.tagIndex, bytes: layouts.render(context, with: layouts.names.contains("tags") ? "tags" : "list"))
        } }
        return files
    }

    /// Backlink sections longer than a page show the first page on the item and link here.
    func backlinkPages() -> [PageJob] {
        site.documents.indices.flatMap { i in
            BacklinkOverflow.sections(of: i, in: site).flatMap { section in
                pages(folder: section.folder, title: "\(section.kind.backlinkTitle): \(site.documents[i].displayTitle)",
                      kind: section.kind.layoutName, items: section.members)
            }
        }
    }
}
