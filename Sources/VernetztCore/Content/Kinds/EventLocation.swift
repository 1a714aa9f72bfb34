/// Where an event takes place. `address` is the street line; `postal_code` and `city`
/// complete it for readers, calendars and search engines.
public struct EventLocation: Sendable {
    public var name: String?
    public var address: String?
    public var postalCode: String?
    public var city: String?

    init(reading reader: inout FieldReader) {
        name = reader.string("name")
        address = reader.string("address")
        postalCode = reader.string("postal_code")
        city = reader.string("city")
    }

    /// `Hohepfortewall 1, 39104 Magdeburg`: the address as one line.
    public var addressLine: String? {
        let place = [postalCode, city].compactMap { $0 }.joined(separator: " ")
        let parts = [address, place.isEmpty ? nil : place].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// `Festung Mark, Hohepfortewall 1, Magdeburg`: name and address, for calendar entries.
    public var fullLine: String? {
        let parts = [name, addressLine].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }
}
