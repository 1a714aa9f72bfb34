/// `themen/`: a Themenschwerpunkt.
public struct ThemeFields: Sendable {
    public var partners: [Reference]

    init(reading reader: inout FieldReader) {
        partners = reader.references("partners", to: .partner)
    }

    var references: [Reference] { partners }
}
