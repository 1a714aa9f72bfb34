/// `partner/`: a consortium partner.
public struct PartnerFields: Sendable {
    public var short: String?
    public var city: String?
    public var website: String?
    public var lead: Bool

    init(reading reader: inout FieldReader) {
        short = reader.string("short")
        city = reader.string("city")
        website = reader.url("website")
        lead = reader.bool("lead") ?? false
    }
}
