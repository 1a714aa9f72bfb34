import VernetztEngine
import VernetztModel

/// Decides every file the build writes and who owns it — pages, lists and their pages, feeds,
/// calendars, copied files, redirects — claiming each path as it goes, so that two writers of
/// one path are an error at the source that came second, before anything is rendered. Claims
/// go in priority order: the site's own files, items, list pages, tags, copied files, aliases.
struct OutputPlanner: Sendable {
    let documents: [Document]
    let outputPaths: [String]
    let schema: Schema
    let config: SiteConfig
    private var owners = OutputPathRegistry()
    /// Item pages first (the render stage hands them out from the front), then the rest.
    private(set) var items: [PlannedFile] = []
    private(set) var others: [PlannedFile] = []
    private(set) var diagnostics: [Diagnostic] = []
    /// Output path → source path of every file copied or made from a picture (`planAssets`).
    private(set) var sourceOfOutput: [String: String] = [:]

    init(documents: [Document], outputPaths: [String], schema: Schema, config: SiteConfig) {
        self.documents = documents
        self.outputPaths = outputPaths
        self.schema = schema
        self.config = config
    }

    var files: [PlannedFile] { items + others }

    /// The addresses of the home page, the lists' first pages, the site's fixed files, feeds
    /// and calendars: taken before any item's, whether or not the site has them.
    mutating func reserveSiteFiles() {
        for kind in schema.kinds where kind.hasListPage {
            owners.reserve(kind.urlPrefix + "index.html", by: Message.Owner.listPage(kind.folder))
        }
        owners.reserve("index.html", by: Message.Owner.homePage)
        for file in SitePaths.reserved { owners.reserve(file, by: Message.Owner.siteFile(file)) }
        owners.reserveFolder(SitePaths.searchIndex, by: Message.Owner.searchIndex(SitePaths.searchIndex))
        let present = Set(documents.map(\.kind))
        for kind in schema.kinds where kind.has(.listFeed) && (kind.event == nil || present.contains(kind)) {
            owners.reserve(kind.urlPrefix + SitePaths.feed, by: Message.Owner.feed(of: kind.folder + "/"))
        }
        for kind in schema.eventKinds where present.contains(kind) {
            owners.reserve(kind.urlPrefix + EventPages.calendarFile, by: Message.Owner.calendar(of: kind.folder))
        }
    }

    /// The site files it has: the home page, feeds, calendars, the lists of events, tags.
    mutating func planSiteFiles(lists: [ContentKind: [Int]], tags: [Tag]) {
        add("index.html", .home)
        add(SitePaths.feed, .siteFeed)
        add(SitePaths.notFound, .notFound)
        if config.search { add(SitePaths.search + "index.html", .search) }
        if !tags.isEmpty { add(SitePaths.tagIndex, .tagIndex) }
        for kind in schema.kinds where !(lists[kind] ?? []).isEmpty {
            if kind.has(.listFeed) { add(kind.urlPrefix + SitePaths.feed, .kindFeed(kind)) }
            if kind.event != nil {
                add(kind.urlPrefix + "index.html", .eventList(kind))
                add(kind.urlPrefix + EventPages.calendarFile, .kindCalendar(kind))
            }
        }
    }

    /// Each item's page, and what its folder holds besides: a format's or theme's feed (see
    /// `planItemFeeds`), an event's calendar file.
    mutating func planItems(_ index: [DocumentKey: Int]) {
        for (i, document) in documents.enumerated() where index[document.key] == i && !document.isHome && document.kind.hasPages {
            if let other = owners.claim(outputPaths[i] + "index.html", by: Message.Phrase(document.path)) {
                let location = document.common.slug != nil ? document.common.slugLocation : SourceLocation(path: document.path)
                diagnostics.append(.error(location, .outputPathTaken(outputPaths[i], by: other)))
                continue
            }
            items.append(PlannedFile(path: outputPaths[i] + "index.html", content: .item(i)))
            if document.kind.has(.topicFeed) {
                owners.reserve(outputPaths[i] + SitePaths.feed, by: Message.Owner.feed(of: document.path))
            }
            if document.kind.event != nil {
                let file = outputPaths[i] + EventCalendar.fileName(of: document)
                owners.reserve(file, by: Message.Owner.calendarFile(of: document.path))
                add(file, .itemCalendar(i))
            }
        }
    }

    /// The feeds of the formats and themes that dated items refer to (their addresses are
    /// reserved with the item).
    mutating func planItemFeeds(backlinks: [[Int]]) {
        for planned in items {
            guard case .item(let i) = planned.content, documents[i].kind.has(.topicFeed),
                  backlinks[i].contains(where: { documents[$0].kind.has(.feed) }) else { continue }
            add(outputPaths[i] + SitePaths.feed, .itemFeed(i))
        }
    }

    /// The kinds' lists; page 1 at the list's folder, the others in its `seite/` folder, which
    /// belongs to the list (items come first: a post may be called `seite`).
    mutating func planLists(_ lists: [ContentKind: [Int]]) {
        for kind in schema.kinds where kind.hasListPage {
            owners.reserveFolder(kind.urlPrefix + SitePaths.pageSegment, by: Message.Owner.listPages(kind.folder))
        }
        for kind in schema.kinds where kind.hasListPage && kind.event == nil {
            guard let members = lists[kind], !members.isEmpty else { continue }
            addPages(of: .kind(kind), folder: kind.urlPrefix, count: members.count)
        }
    }

    /// One page per tag (and its further pages).
    mutating func planTags(_ tags: [Tag]) {
        for (t, tag) in tags.enumerated() {
            if tag.slug.utf8.count > SitePaths.longestSegment {
                diagnostics.append(.error(SourceLocation(path: documents[tag.members[0]].path),
                                          .tagTooLong(String(tag.name.prefix(40)))))
            } else if let other = owners.claim(Tag.folder + tag.slug + "/index.html", by: Message.Owner.tag(tag.name)) {
                diagnostics.append(.error(SourceLocation(path: documents[tag.members[0]].path),
                                          .tagCollides(tag.name, with: other)))
            } else {
                owners.reserveFolder(Tag.folder + tag.slug + "/" + SitePaths.pageSegment, by: Message.Owner.tagPages(tag.name))
                addPages(of: .tag(t), folder: Tag.folder + tag.slug + "/", count: tag.members.count)
            }
        }
    }

    /// Backlink sections longer than a page: the item shows the first page and links to the
    /// whole list at `<item>/<folder of the kind>/`.
    mutating func planBacklinkLists(_ backlinks: [[Int]], kinds: [Int32]) {
        for (i, document) in documents.enumerated() where !document.isHome && document.kind.hasPages {
            for (kind, members) in BacklinkOverflow.overflowing(backlinks[i], kinds: kinds, schema: schema, pageSize: config.pageSize) {
                let folder = outputPaths[i] + kind.folder + "/"
                owners.reserveFolder(folder, by: Message.Owner.backlinkList(kind.folder, of: document.path))
                addPages(of: .backlinks(document: i, kind: kind), folder: folder, count: members.count)
            }
        }
    }

    /// Files copied as they are (theme assets, static/, bundle files) may not take a path that
    /// a page, feed or another file has; reported at the file. A site's own robots.txt
    /// replaces the one vernetzt writes.
    mutating func planAssets(_ sources: SiteSources?) {
        var ownRobots = false
        if let sources {
            for (output, source) in AssetPlan.paths(outputPaths: outputPaths, bundleFolders: documents.map(\.bundleFolder), sources: sources) {
                if output == SitePaths.robots && source.path == "static/" + SitePaths.robots {
                    ownRobots = true
                } else if let other = owners.claim(output, by: Message.Phrase(source.path)) {
                    let twin = UnicodeComposition.differOnlyInComposition(other.de, source.path)
                    diagnostics.append(.error(SourceLocation(path: source.path), .outputFileTaken(output, by: other, composedOtherwise: twin)))
                    continue
                }
                sourceOfOutput[output] = source.path
                if let type = PictureType(path: source.path), type.isRaster {
                    add(output, .pictureSource(source: source.path))
                } else {
                    add(output, .asset(source: source.path))
                }
            }
        }
        if !ownRobots { add(SitePaths.robots, .robots) }
    }

    /// Redirects from old addresses: they take only what is still free.
    mutating func planAliases() {
        for (i, document) in documents.enumerated() {
            for alias in document.common.aliases {
                do throws(Diagnostic) {
                    let file = try AliasPath.outputFile(for: alias.path, at: alias.location)
                    if let other = owners.claim(file, by: Message.Phrase(document.path)) {
                        diagnostics.append(.error(alias.location, .aliasCollides(alias.path, with: other)))
                    } else {
                        add(file, .alias(target: i))
                    }
                } catch {
                    diagnostics.append(error)
                }
            }
        }
    }

    /// A file whose path was reserved or claimed above.
    private mutating func add(_ path: String, _ content: PlannedContent) {
        others.append(PlannedFile(path: path, content: content))
    }

    /// The pages of a list of `count` items; page 1 is claimed by the caller (or the list's
    /// reservation), the rest lie in the list's own `seite/` folder.
    private mutating func addPages(of list: PlannedList, folder: String, count: Int) {
        let pagination = Pagination(folder: folder, pageSize: config.pageSize, count: count)
        for page in 1...pagination.pageCount {
            add(pagination.folder(ofPage: page) + "index.html", .list(list, page: page))
        }
    }
}
