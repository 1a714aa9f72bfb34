import VernetztEngine

/// The fields that make a kind's items events: pages with a calendar file, the events list with
/// coming and past ones, `kalender.ics`, JSON-LD `Event`. Named in the schema under `event:`.
public struct EventRole: Sendable {
    public var start: FieldSchema
    public var end: FieldSchema?
    /// An object field; its `name`, `address`, `postal_code` and `city` make the place.
    public var location: FieldSchema?
    /// A bool field: the event takes place online.
    public var online: FieldSchema?
    /// A url field: where to register (shown while the event is still to come).
    public var registration: FieldSchema?
    /// A date field: the last day (or moment) to register; the registration closes after it.
    public var deadline: FieldSchema?
}
