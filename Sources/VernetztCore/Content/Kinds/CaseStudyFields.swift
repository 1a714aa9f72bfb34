/// `praxisbeispiele/`: a lighthouse case study („Leuchtturm“).
public struct CaseStudyFields: Sendable {
    public var date: ContentDate?
    public var formats: [Reference]
    public var partners: [Reference]
    public var themes: [Reference]
    public var company: String?
    public var industry: String?
    public var region: String?
    public var results: [String]

    init(reading reader: inout FieldReader) {
        date = reader.date("date", required: true)
        formats = reader.references("formats", to: .format)
        partners = reader.references("partners", to: .partner)
        themes = reader.references("themes", to: .theme)
        company = reader.string("company")
        industry = reader.string("industry")
        region = reader.string("region")
        results = reader.strings("results").map(\.text)
    }

    var references: [Reference] { formats + partners + themes }
}
