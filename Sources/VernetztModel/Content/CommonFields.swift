import VernetztEngine

/// Keys every kind has.
public struct CommonFields: Sendable {
    public var title: String
    public var slug: String?
    public var slugLocation: SourceLocation
    public var summary: String?
    public var draft: Bool
    /// When the item was last changed in substance (feeds, calendar entries).
    public var updated: ContentDate?
    /// After this moment the item is no longer published.
    public var expires: ContentDate?
    /// Old URLs (`/alte-seite/`, `/2019/05/x.html`) that must keep working.
    public var aliases: [(path: String, location: SourceLocation)]

    init(title: String, slug: String?, slugLocation: SourceLocation, summary: String?, draft: Bool, updated: ContentDate?,
         expires: ContentDate?, aliases: [(path: String, location: SourceLocation)]) {
        self.title = title
        self.slug = slug
        self.slugLocation = slugLocation
        self.summary = summary
        self.draft = draft
        self.updated = updated
        self.expires = expires
        self.aliases = aliases
    }

    /// `titleRequired` is false only for kinds that can name themselves (testimonials).
    init(reading reader: inout FieldReader, titleRequired: Bool = true) {
        title = reader.string("title", required: titleRequired) ?? ""
        slugLocation = reader.keyLocation("slug")
        slug = reader.string("slug")
        summary = reader.string("summary")
        draft = reader.bool("draft") ?? false
        updated = reader.date("updated")
        expires = reader.date("expires")
        aliases = reader.strings("aliases").map { ($0.text, $0.location) }
    }
}
