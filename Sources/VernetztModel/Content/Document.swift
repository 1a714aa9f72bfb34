import VernetztEngine

/// One parsed content file: its kind, typed fields and Markdown body. Immutable, and shared
/// rather than copied: the stages pass whole sites of documents around (filters, sorts, lists).
public final class Document: Sendable {
    public let id: String
    public let kind: ContentKind
    /// The source path, relative to the site root.
    public let path: String
    public let common: CommonFields
    /// The kind's fields, as its schema declares them.
    public let fields: FieldValues
    /// The date lists sort by (the kind's `date` field: a post's publication, an event's start).
    public let date: ContentDate?
    /// Every front-matter reference, in the order written.
    public let references: [Reference]
    public let body: MarkdownBody
    /// `@` links in the body.
    public let links: [MarkdownLink]
    /// Paths in the body (`/blog/`, `bild.png`, `#ziel`), checked once the output is known.
    public let localLinks: [MarkdownLink]
    /// For `<id>/index.md` bundles: the folder whose other files are copied beside the page.
    public let bundleFolder: String?
    /// A hash of the file's bytes: what changed documents are told apart by (serve).
    public let fingerprint: Int
    /// A hash of all that linking reads of the file (see `DocumentParser.linkSignature`).
    public let linkSignature: Int

    init(id: String, kind: ContentKind, path: String, common: CommonFields, fields: FieldValues, references: [Reference], body: MarkdownBody,
         links: [MarkdownLink], localLinks: [MarkdownLink], bundleFolder: String?, fingerprint: Int, linkSignature: Int) {
        self.id = id
        self.kind = kind
        self.path = path
        self.common = common
        self.fields = fields
        self.date = fields.date(kind.dateField)
        self.references = references
        self.body = body
        self.links = links
        self.localLinks = localLinks
        self.bundleFolder = bundleFolder
        self.fingerprint = fingerprint
        self.linkSignature = linkSignature
    }

    /// The URL path segment: the explicit `slug`, else the id made URL-safe.
    public var slug: String { common.slug ?? Slug.make(id) }

    /// How titles show in lists; a testimonial without a title is named by its source.
    public var displayTitle: String {
        if common.title.isEmpty, let quote = kind.quote { return fields.text(quote.source) ?? "" }
        return common.title
    }

    public var key: DocumentKey { DocumentKey(kind: kind, id: id) }

    /// `content/index.md`: the home page's own text, shown at `/` by the home layout.
    public var isHome: Bool { path == DocumentParser.homePath }

    /// The same document with its body's HTML left in a file, read back when its page is made.
    package func storingBody(in bytes: StoredBytes) -> Document {
        Document(id: id, kind: kind, path: path, common: common, fields: fields, references: references, body: body.stored(bytes),
                 links: links, localLinks: localLinks, bundleFolder: bundleFolder, fingerprint: fingerprint, linkSignature: linkSignature)
    }
}

/// Identifies a document across the site: ids are unique per kind.
public struct DocumentKey: Sendable, Hashable, Comparable {
    public var kind: ContentKind
    public var id: String

    package init(kind: ContentKind, id: String) {
        self.kind = kind
        self.id = id
    }

    public static func < (a: DocumentKey, b: DocumentKey) -> Bool {
        a.kind != b.kind ? a.kind < b.kind : a.id < b.id
    }
}
