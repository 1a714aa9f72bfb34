/// `team/`: a person (author, contact).
public struct PersonFields: Sendable {
    public var role: String?
    public var partner: Reference?
    public var themes: [Reference]
    public var phone: String?
    public var email: String?
    public var address: String?

    init(reading reader: inout FieldReader) {
        role = reader.string("role")
        partner = reader.reference("partner", to: .partner)
        themes = reader.references("themes", to: .theme)
        phone = reader.string("phone")
        email = reader.email("email")
        address = reader.string("address")
    }

    var references: [Reference] { (partner.map { [$0] } ?? []) + themes }
}
