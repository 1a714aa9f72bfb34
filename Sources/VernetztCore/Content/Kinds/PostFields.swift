/// `blog/`: an article.
public struct PostFields: Sendable {
    public var date: ContentDate?
    public var authors: [Reference]
    public var formats: [Reference]
    public var partners: [Reference]
    public var themes: [Reference]
    public var tags: [String]
    public var image: String?
    public var imageAlt: String?

    init(reading reader: inout FieldReader) {
        date = reader.date("date", required: true)
        authors = reader.references("authors", to: .person)
        formats = reader.references("formats", to: .format)
        partners = reader.references("partners", to: .partner)
        themes = reader.references("themes", to: .theme)
        let tagged = reader.strings("tags")
        for tag in tagged where Slug.make(tag.text).isEmpty {
            reader.error(tag.location, "tag '\(tag.text)' has no letters or digits to make its page's address from: write it with letters")
        }
        tags = tagged.map(\.text)
        image = reader.path("image")
        imageAlt = reader.string("image_alt")
        if image != nil, (imageAlt ?? "").isEmpty {
            reader.warning(reader.keyLocation("image"), "image without alt text: add 'image_alt' describing it")
        }
    }

    var references: [Reference] { authors + formats + partners + themes }
}
