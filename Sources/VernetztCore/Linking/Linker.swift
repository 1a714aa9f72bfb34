import Foundation
import VernetztEngine
import VernetztModel

/// The link stage: one pass over all documents that resolves every reference, checks ids,
/// output paths and aliases, computes backlinks and sorted lists, and collects *all* problems.
public struct Linker: Sendable {
    public init() {}

    /// `hidden` are the drafts left out of this build (references to them only warn);
    /// `now` decides what is upcoming.
    /// `sources` (when given) are the files copied as they are, whose output paths are claimed too.
    public func link(_ config: SiteConfig, _ parsed: [Document], hidden: [Document] = [],
                     now: Date = Date(), sources: SiteSources? = nil, schema: Schema = .builtIn) throws(BuildFailure) -> Site {
        let site = linkCollecting(config, parsed, hidden: hidden, now: now, sources: sources, schema: schema)
        if site.warnings.contains(where: \.isError) { throw BuildFailure(site.warnings) }
        return site
    }

    /// `link`, with its errors kept in the site's diagnostics instead of thrown: the build
    /// goes on to check pictures and paths, so that one run reports every error. `failed` are
    /// the files that could not be parsed, by the item they would have been: a reference to one
    /// is not reported as unknown (the file's own errors say what is wrong). `failedReferences`
    /// and `failedLinks` are those files' own, checked for their errors only.
    func linkCollecting(_ config: SiteConfig, _ parsed: [Document], hidden: [Document] = [], failed: [DocumentKey: String] = [:],
                        failedReferences: [Reference] = [], failedLinks: [MarkdownLink] = [],
                        now: Date = Date(), sources: SiteSources? = nil, schema: Schema = .builtIn,
                        lastRelated: (key: Int, related: [[Int]])? = nil) -> Site {
        var diagnostics: [Diagnostic] = []
        let documents = parsed.sorted { ($0.key, $0.path) < ($1.key, $1.path) }
        let (index, idsByKind) = indexByID(documents, &diagnostics)
        let outputPaths = documents.map { $0.isHome ? "" : $0.kind.urlPrefix + $0.slug + "/" }
        // Claiming the items' output paths and ordering the lists and tags need only the
        // documents: each is done on one thread, so the two run at once.
        let (claimed, ordered) = Parallel.both({ () -> OutputPlanner in
            var planner = OutputPlanner(documents: documents, outputPaths: outputPaths, schema: schema, config: config)
            planner.reserveSiteFiles()
            planner.planItems(index)
            return planner
        }, { () -> ([ContentKind: [Int]], [Tag]) in
            let lists = ListOrder.lists(of: documents).mapValues { $0.filter { !documents[$0].isHome } }
            return (lists, TagIndex.build(documents, lists: lists, schema: schema))
        })
        var planner = claimed
        let (lists, tags) = ordered
        let linkPaths = Self.linkPaths(documents, outputPaths: outputPaths, lists: lists, pageSize: config.pageSize)

        let resolver = ReferenceResolver(schema: schema, documents: documents, index: index, idsByKind: idsByKind,
                                         hidden: Dictionary(hidden.map { ($0.key, $0.path) }, uniquingKeysWith: { a, _ in a }),
                                         failed: failed)
        for reference in failedReferences { if case .failure(let found) = resolver.resolve(reference) { diagnostics.append(found) } }
        for link in failedLinks { if case .failure(let found) = resolver.resolve(link) { diagnostics.append(found) } }
        let basePath = config.basePath
        let resolved = Parallel.map(Array(documents.indices)) { i -> ResolvedDocument in
            index[documents[i].key] == i ? resolve(i, documents, resolver, basePath: basePath, linkPaths: linkPaths)
                                         : ResolvedDocument()
        }
        // Sources arrive in index order, so a repeated source is the last one added.
        // The home page features what it links to; as a backlink ("Seiten: the home page") it
        // would tell the reader nothing. Its links still count against the orphan warning.
        var backlinkSources = [[Int]](repeating: [], count: documents.count)
        var linkedFromHome = Set<Int>()
        for (i, found) in resolved.enumerated() {
            diagnostics += found.diagnostics
            if documents[i].isHome {
                linkedFromHome.formUnion(found.targets)
                continue
            }
            for target in found.targets where backlinkSources[target].last != i { backlinkSources[target].append(i) }
        }
        let references = resolved.map(\.references)
        let resolvedLinks = resolved.map(\.resolvedLinks)
        let embeds = resolved.map(\.embeds)

        let menu = resolveMenu(config.menu, config, resolver, linkPaths, &diagnostics)
        let footerMenu = resolveMenu(config.footerMenu, config, resolver, linkPaths, &diagnostics)

        var rank = [Int](repeating: 0, count: documents.count)
        for list in lists.values { for (position, i) in list.enumerated() { rank[i] = position } }
        let kindIndices = documents.map { Int32($0.kind.index) }
        // One number per document orders backlinks: kind first, then the kind's list order.
        let backlinkOrder = documents.indices.map { documents[$0].kind.backlinkRank * documents.count + rank[$0] }
        let backlinks = backlinkSources.map { sources in
            sources.sorted { backlinkOrder[$0] != backlinkOrder[$1] ? backlinkOrder[$0] < backlinkOrder[$1] : $0 < $1 }
        }

        // The last build's related items stand when nothing they were worked out from changed.
        let relatedKey = RelatedContent.inputKey(documents, references: references, tags: tags, rank: rank)
        let related = if let lastRelated, lastRelated.key == relatedKey, lastRelated.related.count == documents.count {
            lastRelated.related
        } else {
            RelatedContent.compute(documents, kinds: kindIndices, references: references, tags: tags, rank: rank)
        }
        planner.planSiteFiles(lists: lists, tags: tags)
        planner.planItemFeeds(backlinks: backlinks)
        planner.planLists(lists)
        planner.planTags(tags)
        planner.planBacklinkLists(backlinks, kinds: kindIndices)
        planner.planAssets(sources)
        planner.planAliases()
        diagnostics += planner.diagnostics

        for (i, document) in documents.enumerated()
        where document.kind.has(.orphanWarning) && backlinks[i].isEmpty && !linkedFromHome.contains(i) {
            diagnostics.append(.warning(SourceLocation(path: document.path), .orphan(document.kind.phrase, id: document.id)))
        }

        var site = Site(config: config, schema: schema, documents: documents, outputPaths: outputPaths, linkPaths: linkPaths,
                        references: references,
                        backlinks: backlinks, kindIndices: kindIndices, resolvedLinks: resolvedLinks, embeds: embeds, lists: lists,
                        tags: tags, related: related, plan: planner.files,
                        menu: menu, footerMenu: footerMenu, now: now, warnings: diagnostics.sorted())
        site.sourceOfOutput = planner.sourceOfOutput
        site.relatedKey = relatedKey
        return site
    }

    /// Where a link to each document leads: its page, or — for a kind without item pages — its
    /// place on the list page that shows it (`stimmen/seite/2/#stimmen-x`).
    static func linkPaths(_ documents: [Document], outputPaths: [String], lists: [ContentKind: [Int]], pageSize: Int) -> [String] {
        var paths = outputPaths
        for (kind, members) in lists where !kind.hasPages {
            let pages = Pagination(folder: kind.urlPrefix, pageSize: pageSize, count: members.count)
            for (position, i) in members.enumerated() {
                paths[i] = pages.folder(ofPage: position / pageSize + 1) + "#" + Self.anchor(of: documents[i])
            }
        }
        return paths
    }

    /// The id of an item without a page of its own on its list page.
    static func anchor(of document: Document) -> String { document.kind.folder + "-" + document.slug }

    /// Document `i`'s references and `@` links, resolved.
    private func resolve(_ i: Int, _ documents: [Document], _ resolver: ReferenceResolver, basePath: String,
                         linkPaths: [String]) -> ResolvedDocument {
        var found = ResolvedDocument()
        let document = documents[i]
        for reference in document.references {
            switch resolver.resolve(reference) {
            case .success(let target):
                if let field = reference.field { found.references.append(target, to: field) }
                if target != i { found.targets.append(target) }
            case .failure(let diagnostic):
                found.diagnostics.append(diagnostic)
            }
        }
        for link in document.links {
            switch resolver.resolve(link) {
            case .success(let (target, fragment)):
                if link.isEmbed {
                    guard checkEmbed(link, of: document, target: documents[target], resolver.schema, &found.diagnostics) else { continue }
                    found.embeds[link.raw] = target
                } else {
                    found.resolvedLinks[link.raw] = basePath + linkPaths[target] + (fragment.map { "#" + $0 } ?? "")
                }
                if target != i { found.targets.append(target) }
            case .failure(let diagnostic):
                found.diagnostics.append(diagnostic)
                if !diagnostic.isError { found.resolvedLinks[link.raw] = "" }
            }
        }
        return found
    }

    /// Ids are unique per kind; `foo.md` beside `foo/index.md` is the usual way to break that.
    private func indexByID(_ documents: [Document], _ diagnostics: inout [Diagnostic])
        -> ([DocumentKey: Int], [ContentKind: [String]]) {
        var index: [DocumentKey: Int] = [:]
        var idsByKind: [ContentKind: [String]] = [:]
        for (i, document) in documents.enumerated() {
            if let first = index[document.key] {
                diagnostics.append(.error(SourceLocation(path: document.path), .duplicateID(document.id, path: documents[first].path)))
                continue
            }
            index[document.key] = i
            idsByKind[document.kind, default: []].append(document.id)
        }
        return (index, idsByKind)
    }

    /// Only quotes can be embedded (`![](@stimmen/x)`), and not into another quote.
    private func checkEmbed(_ link: MarkdownLink, of document: Document, target: Document, _ schema: Schema,
                            _ diagnostics: inout [Diagnostic]) -> Bool {
        if target.kind.quote == nil {
            let example = schema.kinds.first { $0.quote != nil }.map { "![](@\($0.folder)/…)" } ?? "![](@…)"
            diagnostics.append(.error(link.location, .onlyQuotesEmbed(example: example, target: target.kind.phrase, link: link.raw)))
            return false
        }
        if document.kind.quote != nil {
            diagnostics.append(.error(link.location, .quoteInQuote))
            return false
        }
        return true
    }

    /// Menu entries: `@kind/id` resolved like every reference, site paths given the base path.
    private func resolveMenu(_ items: [MenuItem], _ config: SiteConfig, _ resolver: ReferenceResolver,
                             _ linkPaths: [String], _ diagnostics: inout [Diagnostic]) -> [(title: String, url: String)] {
        var menu: [(String, String)] = []
        for item in items {
            if let scheme = MarkdownParser.forbiddenScheme(item.url) {
                diagnostics.append(.error(item.location, .menuScheme(scheme)))
                continue
            }
            guard item.url.hasPrefix("@") else {
                menu.append((item.title, item.url.hasPrefix("/") ? config.basePath + item.url.dropFirst() : item.url))
                continue
            }
            switch resolver.resolve(MarkdownLink(raw: item.url, location: item.location)) {
            case .success(let (target, fragment)):
                menu.append((item.title, config.basePath + linkPaths[target] + (fragment.map { "#" + $0 } ?? "")))
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
            }
        }
        return menu
    }

}
