import VernetztEngine

/// A kind of content, as the schema declares it: one folder under `content/`, its URL, layouts,
/// titles, fields and roles. Shared, never copied; two kinds are the same when they hold the
/// same place in the same schema.
public final class ContentKind: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Its place in the schema: the order of kinds in lists of everything.
    public let index: Int
    /// The schema's name for it (`post`), also its layout's default name.
    public let name: String
    /// The folder under `content/`, which is also the first part of `@folder/id` links.
    public let folder: String
    /// Where its items live in the output: `blog/` … ; "" for the site root.
    public let urlPrefix: String
    /// The layout for one item (and the key of its backlink group and home-page group).
    public let layoutName: String
    /// The layout of its list page.
    public let listLayout: String
    /// Name in messages to editors: "unknown format 'x'".
    public let noun: String
    /// One item of the kind, for readers („Art: Beitrag“ in search filters).
    public let singularTitle: String
    /// The German heading of its list page.
    public let pluralTitle: String
    /// The heading of a backlink section on another item's page („Beiträge“ to this format).
    public let backlinkTitle: String
    /// Kinds with a list page of their own (pages are reached through the menu).
    public let hasListPage: Bool
    /// Whether each item has a page of its own. Without (testimonials): items are shown where
    /// they belong, and a link to one leads to its place on the kind's list page.
    public let hasPages: Bool
    public let order: ListOrderRule
    /// The field lists sort by and feeds and the sitemap date items by.
    public let dateField: FieldSchema?
    /// How many of its newest items the home page shows; nil: none, `Int.max`: all.
    public let homeCount: Int?
    public let roles: Set<KindRole>
    public let event: EventRole?
    public let quote: QuoteRole?
    /// The schema.org type of an item's page (`BlogPosting`, `Event`, `Person`), if any.
    public let jsonLD: String?
    /// The schema.org type others' JSON-LD names an item of this kind with.
    public let entity: String
    public let titleRequired: Bool
    public let fields: [FieldSchema]
    /// The order of backlink sections on a page (smaller first).
    public let backlinkRank: Int

    /// Fields that roles and pages look for, found once.
    public let authorsField: FieldSchema?
    public let tagsField: FieldSchema?
    /// The first image field: the picture of the item's page (Open Graph, JSON-LD).
    public let imageField: FieldSchema?
    /// German words for the keys of this kind's files (`autoren`, `schlagwoerter`, `titel`),
    /// from the fields' titles and the common keys': for „did you mean“ on an unknown key.
    public let keyWords: [String: String]
    /// Every field holding a picture, in the order declared.
    public let imageFields: [FieldSchema]
    package let layoutKey: TemplateKey
    /// An event kind's backlink groups: `upcoming_events`, `past_events`.
    package let upcomingKey: TemplateKey
    package let pastKey: TemplateKey

    init(index: Int, name: String, folder: String, urlPrefix: String, layoutName: String, listLayout: String, noun: String,
         singularTitle: String, pluralTitle: String, backlinkTitle: String, hasListPage: Bool, hasPages: Bool = true, order: ListOrderRule,
         dateField: FieldSchema?, homeCount: Int?, roles: Set<KindRole>, event: EventRole?, quote: QuoteRole?,
         jsonLD: String?, entity: String, titleRequired: Bool, fields: [FieldSchema], backlinkRank: Int) {
        self.index = index
        self.name = name
        self.folder = folder
        self.urlPrefix = urlPrefix
        self.layoutName = layoutName
        self.listLayout = listLayout
        self.noun = noun
        self.singularTitle = singularTitle
        self.pluralTitle = pluralTitle
        self.backlinkTitle = backlinkTitle
        self.hasListPage = hasListPage
        self.hasPages = hasPages
        self.order = order
        self.dateField = dateField
        self.homeCount = homeCount
        self.roles = roles
        self.event = event
        self.quote = quote
        self.jsonLD = jsonLD
        self.entity = entity
        self.titleRequired = titleRequired
        self.fields = fields
        self.backlinkRank = backlinkRank
        authorsField = fields.first { $0.role == .authors }
        tagsField = fields.first { $0.role == .tags }
        imageFields = fields.filter { $0.type == .image }
        var words = Self.commonKeyWords
        for field in fields {
            let title = Slug.make(field.title)
            words[title] = words[title] ?? field.name
            for word in title.split(separator: "-") where word.count > 3 { words[String(word)] = words[String(word)] ?? field.name }
        }
        keyWords = words
        imageField = imageFields.first
        layoutKey = TemplateKey(layoutName)
        upcomingKey = TemplateKey("upcoming_\(layoutName)s")
        pastKey = TemplateKey("past_\(layoutName)s")
    }

    public func has(_ role: KindRole) -> Bool { roles.contains(role) }

    /// The keys every item has, in the words an editor might use instead.
    static let commonKeyWords: [String: String] = [
        "titel": "title", "ueberschrift": "title", "zusammenfassung": "summary", "kurzfassung": "summary",
        "beschreibung": "summary", "entwurf": "draft", "aktualisiert": "updated", "geaendert": "updated",
        "ablaufdatum": "expires", "weiterleitungen": "aliases", "adresse-alt": "aliases", "kennung": "slug",
    ]

    public func field(named name: String) -> FieldSchema? { fields.first { $0.name == name } }

    public var description: String { name }

    public static func == (a: ContentKind, b: ContentKind) -> Bool { a === b || (a.index == b.index && a.name == b.name) }
    public func hash(into hasher: inout Hasher) { hasher.combine(index) }
    public static func < (a: ContentKind, b: ContentKind) -> Bool { a.index < b.index }

    /// The kind's name in messages: its singular title (German) and noun (English).
    public var phrase: Message.Phrase { Message.Phrase(de: singularTitle, en: noun) }
}
