/// `angebote/`: one of the centre's formats (Sprechstunde, Konvoi, …).
public struct FormatFields: Sendable {
    public static let categories = ["informieren", "erleben", "qualifizieren"]

    public var category: String?
    public var themes: [Reference]
    public var order: Int?

    init(reading reader: inout FieldReader) {
        category = reader.choice("category", among: Self.categories)
        themes = reader.references("themes", to: .theme)
        order = reader.int("order")
    }

    var references: [Reference] { themes }
}
