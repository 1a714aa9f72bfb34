import VernetztEngine

/// The site's contact for the footer and the Organization data: every field optional.
public struct SiteContact: Sendable {
    public var name: String?
    public var address: String?
    public var phone: String?
    public var email: String?

    init(reading reader: inout FieldReader) {
        name = reader.string("name")
        address = reader.string("address")
        phone = reader.string("phone")
        email = reader.email("email")
    }
}
