/// One parsed content file: its kind, typed fields and Markdown body.
public struct Document: Sendable {
    public var id: String
    public var kind: ContentKind
    /// The source path, relative to the site root.
    public var path: String
    public var common: CommonFields
    public var fields: KindFields
    public var body: MarkdownBody
    /// `@` links in the body.
    public var links: [MarkdownLink]
    /// Paths in the body (`/blog/`, `bild.png`, `#ziel`), checked once the output is known.
    public var localLinks: [MarkdownLink] = []
    /// For `<id>/index.md` bundles: the folder whose other files are copied beside the page.
    public var bundleFolder: String?
    /// A hash of the file's bytes: what changed documents are told apart by (serve).
    public var fingerprint: Int = 0

    /// The URL path segment: the explicit `slug`, else the id made URL-safe.
    public var slug: String { common.slug ?? Slug.make(id) }

    /// How titles show in lists; a testimonial without a title is named by its source.
    public var displayTitle: String {
        if common.title.isEmpty, case .testimonial(let quote) = fields { return quote.source }
        return common.title
    }

    public var key: DocumentKey { DocumentKey(kind: kind, id: id) }

    /// `content/index.md`: the home page's own text, shown at `/` by the home layout.
    public var isHome: Bool { kind == .page && path == "content/index.md" }
}

/// Identifies a document across the site: ids are unique per kind.
public struct DocumentKey: Sendable, Hashable, Comparable {
    public var kind: ContentKind
    public var id: String

    public static func < (a: DocumentKey, b: DocumentKey) -> Bool {
        a.kind != b.kind ? a.kind < b.kind : a.id < b.id
    }
}
