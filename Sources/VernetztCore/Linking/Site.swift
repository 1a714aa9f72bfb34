import Foundation
import VernetztEngine
import VernetztModel

/// The link stage's result: every document with its references resolved both ways,
/// its output path, and the sorted lists the pages are built from.
public struct Site: Sendable {
    public var config: SiteConfig
    /// The kinds of content and their fields.
    public var schema: Schema
    /// Documents in a stable order (kind, then id); indices below point into it.
    public var documents: [Document]
    /// Output folder of each document, relative to the output root (`blog/mein-beitrag/`).
    public var outputPaths: [String]
    /// Where links to each document lead: its output path, or its place on a list page when
    /// its kind has no item pages.
    public var linkPaths: [String]
    /// Resolved front-matter references of each document, by field, in the order written.
    public var references: [ReferenceTargets]
    /// The documents that reference each document, in list order (kind, then the kind's order).
    public var backlinks: [[Int]]
    /// Each document's kind as its index in `schema.kinds`, side by side: loops over thousands
    /// of backlinks read it, and reaching it through each document object costs a cache miss
    /// per backlink on a site of 100,000 items.
    public var kindIndices: [Int32]
    /// Per document: each `@` URL as written → its final URL ("" when its target is left out).
    public var resolvedLinks: [[String: String]]
    /// Per document: each `![](@stimmen/x)` as written → the testimonial it embeds.
    public var embeds: [[String: Int]]
    /// Each kind's documents in the order its list page shows them.
    public var lists: [ContentKind: [Int]]
    /// Tags of posts, in German order, each with its items newest first.
    public var tags: [Tag]
    /// For posts and case studies: up to three related posts or case studies.
    public var related: [[Int]]
    /// Every file the build writes and what it holds, decided at link time.
    public var plan: [PlannedFile]
    public var menu: [(title: String, url: String)]
    public var footerMenu: [(title: String, url: String)]
    /// The moment that divides upcoming from past events.
    public var now: Date
    /// What linking found: warnings, and — from `Linker.linkCollecting` — errors, which stop
    /// the build once the later checks have added theirs.
    public var warnings: [Diagnostic]
    /// Output path → source path of every copied file and every picture (which the picture
    /// stage makes what is published of): where a path written in the site leads.
    var sourceOfOutput: [String: String] = [:]
    /// A hash of all that `related` was worked out from (`RelatedContent.inputKey`), so that the
    /// next build may keep it when that is unchanged.
    var relatedKey = 0
    /// The pictures made ready by the picture stage (empty until it ran).
    var pictures = PictureCatalog.empty

    /// The address of a picture on the web (`og:image`, JSON-LD): its site-relative URL, which
    /// holds the base path already, after the origin.
    func absoluteURL(ofPicture url: String) -> String { config.origin + url }

    /// Document `i`'s picture in `field` (nil without one, or when it is not made).
    func picture(in field: FieldSchema?, of i: Int) -> ProcessedPicture? {
        guard let field, let raw = documents[i].fields.text(field) else { return nil }
        return pictures.picture(raw, from: outputPaths[i], role: .field(field.pictureUse))
    }

    /// The alt text of document `i`'s picture in `field`: its description field, or — for a
    /// logo or portrait, which has none — the item's title.
    func pictureAlt(in field: FieldSchema, of i: Int) -> String {
        guard let alt = field.alt else { return documents[i].displayTitle }
        return documents[i].fields.text(documents[i].kind.field(named: alt)) ?? ""
    }

    /// Site-relative URL of a document (`/blog/mein-beitrag/`, with the base path).
    public func url(of index: Int) -> String { config.basePath + linkPaths[index] }

    /// Absolute URL of a document, for canonical links and feeds.
    public func absoluteURL(of index: Int) -> String { config.baseURL + linkPaths[index] }

    public func listURL(of kind: ContentKind) -> String { config.basePath + kind.urlPrefix }
}
