import VernetztEngine

/// One field of a kind, as the schema declares it: its type and what it means. Shared, never
/// copied: every reference read from a file points to the field it was written in.
public final class FieldSchema: Sendable, Hashable {
    /// Its place among its kind's (or object's) fields: where parsed values keep it.
    public let index: Int
    /// The front-matter key (`formats`), also the key layouts see.
    public let name: String
    public let type: FieldType
    public let required: Bool
    /// The value when the file leaves the field out.
    public let defaultValue: FieldValue?
    /// The German heading of the field on a page („Angebote“).
    public let title: String
    /// For references: the index of the kind referred to, whether a list, and the fewest
    /// entries a published item must name.
    public let target: Int?
    public let many: Bool
    public let minimum: Int
    /// For enums: the allowed words, and the German title of each (shown as `<name>_title`).
    public let values: [String]
    public let valueTitles: [String: String]
    /// For objects: the nested fields.
    public let fields: [FieldSchema]
    public let role: FieldRole?
    /// A reference that says what the item is about: a search filter, and what related items share.
    public let facet: Bool
    /// Layouts see `has_<group>` when any field of the group has a value (`has_contact`).
    public let group: String?
    /// The schema.org property of the page's JSON-LD that shows this field (`jobTitle`).
    public let jsonLD: String?
    /// Shown in list entries too, not only on the item's page.
    public let teaser: Bool
    /// For images: the text field that describes the picture (its alt text).
    public let alt: String?
    /// For images: what the picture is, which decides its sizes and cut.
    public let pictureUse: PictureUse

    package let key: TemplateKey
    /// `<name>_title` (enums) and `<name>_href` (phones).
    package let titleKey: TemplateKey
    package let hrefKey: TemplateKey
    package let groupKey: TemplateKey?

    init(index: Int, name: String, type: FieldType, required: Bool = false, defaultValue: FieldValue? = nil,
         title: String, target: Int? = nil, many: Bool = false, minimum: Int = 0, values: [String] = [],
         valueTitles: [String: String] = [:], fields: [FieldSchema] = [], role: FieldRole? = nil, facet: Bool = false,
         group: String? = nil, jsonLD: String? = nil, teaser: Bool = false, alt: String? = nil,
         pictureUse: PictureUse = .photo) {
        self.index = index
        self.name = name
        self.type = type
        self.required = required
        self.defaultValue = defaultValue
        self.title = title
        self.target = target
        self.many = many
        self.minimum = minimum
        self.values = values
        self.valueTitles = valueTitles
        self.fields = fields
        self.role = role
        self.facet = facet
        self.group = group
        self.jsonLD = jsonLD
        self.teaser = teaser
        self.alt = alt
        self.pictureUse = pictureUse
        key = TemplateKey(name)
        titleKey = TemplateKey(name + "_title")
        hrefKey = TemplateKey(name + "_href")
        groupKey = group.map { TemplateKey("has_" + $0) }
    }

    public static func == (a: FieldSchema, b: FieldSchema) -> Bool { a === b }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }

    /// A list of references (`formats: [a, b]`), not a single one.
    package var isReferenceList: Bool { type == .reference && many }
}
