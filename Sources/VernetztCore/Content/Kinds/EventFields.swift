/// `veranstaltungen/`: an event with start, end and place.
public struct EventFields: Sendable {
    public var start: ContentDate?
    public var end: ContentDate?
    public var location: EventLocation?
    public var online: Bool
    public var registration: String?
    public var formats: [Reference]
    public var partners: [Reference]
    public var themes: [Reference]

    init(reading reader: inout FieldReader) {
        start = reader.date("start", required: true)
        let endLocation = reader.keyLocation("end")
        end = reader.date("end")
        if let start, let end, end < start {
            reader.error(endLocation, "'end' lies before 'start'")
        }
        if var nested = reader.nested("location") {
            location = EventLocation(reading: &nested)
            reader.absorb(&nested)
        }
        online = reader.bool("online") ?? false
        registration = reader.url("registration")
        formats = reader.references("formats", to: .format)
        partners = reader.references("partners", to: .partner)
        themes = reader.references("themes", to: .theme)
    }

    var references: [Reference] { formats + partners + themes }
}
