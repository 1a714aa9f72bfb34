/// The link stage: one pass over all documents that resolves every reference, checks ids,
/// output paths and aliases, computes backlinks and sorted lists, and collects *all* problems.
public struct Linker {
    public init() {}

    /// `hidden` are the drafts left out of this build; references to them only warn.
    public func link(_ config: SiteConfig, _ parsed: [Document], hidden: [Document] = []) throws(BuildFailure) -> Site {
        var diagnostics: [Diagnostic] = []
        let documents = parsed.sorted { ($0.key, $0.path) < ($1.key, $1.path) }

        // Ids are unique per kind; `foo.md` beside `foo/index.md` is the usual way to break that.
        var index: [DocumentKey: Int] = [:]
        var idsByKind: [ContentKind: [String]] = [:]
        for (i, document) in documents.enumerated() {
            if let first = index[document.key] {
                diagnostics.append(.error(SourceLocation(path: document.path),
                    "duplicate id '\(document.id)': \(documents[first].path) has the same id"))
                continue
            }
            index[document.key] = i
            idsByKind[document.kind, default: []].append(document.id)
        }

        let outputPaths = documents.map { $0.kind.urlPrefix + $0.slug + "/" }
        var owners = OutputPathRegistry()
        for kind in ContentKind.allCases where kind.hasListPage {
            owners.reserve(kind.urlPrefix + "index.html", by: "the list page of \(kind.folder)/")
        }
        owners.reserve("index.html", by: "the home page")
        for (i, document) in documents.enumerated() where index[document.key] == i {
            let file = outputPaths[i] + "index.html"
            if let other = owners.claim(file, by: document.path) {
                diagnostics.append(.error(document.common.slug != nil ? document.common.slugLocation : SourceLocation(path: document.path),
                                          "output path '/\(outputPaths[i])' is also written by \(other)"))
            }
        }

        let resolver = ReferenceResolver(documents: documents, index: index, idsByKind: idsByKind,
                                         hidden: Dictionary(hidden.map { ($0.key, $0.path) }, uniquingKeysWith: { a, _ in a }))
        var references = [[String: [Int]]](repeating: [:], count: documents.count)
        var resolvedLinks = [[String: String]](repeating: [:], count: documents.count)
        var backlinkSets = [Set<Int>](repeating: [], count: documents.count)
        for (i, document) in documents.enumerated() where index[document.key] == i {
            for reference in document.fields.references {
                switch resolver.resolve(reference) {
                case .success(let target):
                    references[i][reference.field ?? "", default: []].append(target)
                    if target != i { backlinkSets[target].insert(i) }
                case .failure(let diagnostic):
                    diagnostics.append(diagnostic)
                }
            }
            for link in document.links {
                switch resolver.resolve(link) {
                case .success(let (target, fragment)):
                    resolvedLinks[i][link.raw] = config.basePath + outputPaths[target] + (fragment.map { "#" + $0 } ?? "")
                    if target != i { backlinkSets[target].insert(i) }
                case .failure(let diagnostic):
                    diagnostics.append(diagnostic)
                    if !diagnostic.isError { resolvedLinks[i][link.raw] = "" }
                }
            }
        }

        var menu: [(String, String)] = []
        for item in config.menu {
            guard item.url.hasPrefix("@") else {
                menu.append((item.title, item.url.hasPrefix("/") ? config.basePath + item.url.dropFirst() : item.url))
                continue
            }
            switch resolver.resolve(MarkdownLink(raw: item.url, location: item.location)) {
            case .success(let (target, fragment)):
                menu.append((item.title, config.basePath + outputPaths[target] + (fragment.map { "#" + $0 } ?? "")))
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
            }
        }

        var aliases: [(String, Int)] = []
        for (i, document) in documents.enumerated() {
            for alias in document.common.aliases {
                switch AliasPath.outputFile(for: alias.path) {
                case .success(let file):
                    if let other = owners.claim(file, by: document.path) {
                        diagnostics.append(.error(alias.location, "alias '\(alias.path)' collides with \(other)"))
                    } else {
                        aliases.append((file, i))
                    }
                case .failure(let reason):
                    diagnostics.append(.error(alias.location, "invalid alias '\(alias.path)': \(reason)"))
                }
            }
        }

        let lists = ListOrder.lists(of: documents)
        var rank = [Int](repeating: 0, count: documents.count)
        for list in lists.values { for (position, i) in list.enumerated() { rank[i] = position } }
        let backlinks = backlinkSets.map { set in
            set.sorted { (documents[$0].kind, rank[$0]) < (documents[$1].kind, rank[$1]) }
        }

        for (i, document) in documents.enumerated()
        where [.person, .format, .partner, .theme].contains(document.kind) && backlinks[i].isEmpty {
            diagnostics.append(.warning(SourceLocation(path: document.path),
                                        "nothing links to this \(document.kind.noun) '\(document.id)'"))
        }

        if diagnostics.contains(where: \.isError) { throw BuildFailure(diagnostics) }
        return Site(config: config, documents: documents, outputPaths: outputPaths, references: references,
                    backlinks: backlinks, resolvedLinks: resolvedLinks, lists: lists, aliases: aliases,
                    menu: menu, warnings: diagnostics.sorted())
    }
}
