/// The typed kinds of content, one per folder under `content/`.
public enum ContentKind: String, CaseIterable, Sendable, Hashable, Comparable {
    case post, caseStudy, format, partner, event, person, theme, testimonial, page

    public init?(folder: String) {
        guard let kind = ContentKind.allCases.first(where: { $0.folder == folder }) else { return nil }
        self = kind
    }

    /// The folder under `content/`, which is also the first part of `@folder/id` links.
    public var folder: String {
        switch self {
        case .post: "blog"
        case .caseStudy: "praxisbeispiele"
        case .format: "angebote"
        case .partner: "partner"
        case .event: "veranstaltungen"
        case .person: "team"
        case .theme: "themen"
        case .testimonial: "stimmen"
        case .page: "seiten"
        }
    }

    /// Where its items live in the output: `blog/` … ; pages sit at the site root.
    public var urlPrefix: String { self == .page ? "" : folder + "/" }

    /// The layout for one item (and the key of its backlink group).
    public var layoutName: String {
        switch self {
        case .caseStudy: "casestudy"
        default: rawValue
        }
    }

    /// Name in messages to editors: "unknown format 'x'".
    public var noun: String {
        switch self {
        case .caseStudy: "case study"
        default: rawValue
        }
    }

    /// The German heading of its list page and backlink sections.
    public var pluralTitle: String {
        switch self {
        case .post: "Blog"
        case .caseStudy: "Praxisbeispiele"
        case .format: "Angebote"
        case .partner: "Partner"
        case .event: "Veranstaltungen"
        case .person: "Team"
        case .theme: "Themen"
        case .testimonial: "Stimmen"
        case .page: "Seiten"
        }
    }

    /// One item of the kind, for readers („Art: Beitrag“ in search filters).
    public var singularTitle: String {
        switch self {
        case .post: "Beitrag"
        case .caseStudy: "Praxisbeispiel"
        case .format: "Angebot"
        case .partner: "Partner"
        case .event: "Veranstaltung"
        case .person: "Person"
        case .theme: "Thema"
        case .testimonial: "Stimme"
        case .page: "Seite"
        }
    }

    /// The heading of a backlink section on another item's page („Beiträge“ to this format).
    public var backlinkTitle: String { self == .post ? "Beiträge" : pluralTitle }

    /// The order of backlink sections on a page: what others say first, then what happened
    /// with it (case studies, events), then what was written about it.
    public var backlinkRank: Int {
        [.testimonial, .caseStudy, .event, .post, .format, .theme, .partner, .person, .page].firstIndex(of: self)!
    }

    /// Kinds with a list page of their own (pages are reached through the menu).
    public var hasListPage: Bool { self != .page }

    public static func < (a: ContentKind, b: ContentKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
