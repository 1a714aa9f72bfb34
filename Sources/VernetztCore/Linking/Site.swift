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
    /// Resolved front-matter references of each document, by field, in the order written.
    public var references: [ReferenceTargets]
    /// The documents that reference each document, in list order (kind, then the kind's order).
    public var backlinks: [[Int]]
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
    /// Warnings found while linking (errors stop the build instead).
    public var warnings: [Diagnostic]

    /// Site-relative URL of a document (`/blog/mein-beitrag/`, with the base path).
    public func url(of index: Int) -> String { config.basePath + outputPaths[index] }

    /// Absolute URL of a document, for canonical links and feeds.
    public func absoluteURL(of index: Int) -> String { config.baseURL + outputPaths[index] }

    public func listURL(of kind: ContentKind) -> String { config.basePath + kind.urlPrefix }
}
