/// Where an event takes place.
public struct EventLocation: Sendable {
    public var name: String?
    public var address: String?

    init(reading reader: inout FieldReader) {
        name = reader.string("name")
        address = reader.string("address")
    }
}
