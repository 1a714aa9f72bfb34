import VernetztEngine

/// Where an event takes place, from its location object: `address` is the street line;
/// `postal_code` and `city` complete it for readers, calendars and search engines.
public struct EventPlace: Sendable {
    public var name: String?
    public var address: String?
    public var postalCode: String?
    public var city: String?

    /// The place of event `values` of a kind with the event role; nil without a location.
    package init?(_ values: FieldValues, role: EventRole) {
        guard let field = role.location, let place = values.object(field) else { return nil }
        name = place.text(named: "name", in: field.fields)
        address = place.text(named: "address", in: field.fields)
        postalCode = place.text(named: "postal_code", in: field.fields)
        city = place.text(named: "city", in: field.fields)
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
