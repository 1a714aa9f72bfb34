import Foundation
import VernetztEngine
import VernetztModel

/// Which events are still to come at the build's `now`, and which are over.
extension Site {
    /// The moment an event is over: its end, or the end of its (last) day when it has no time.
    public func endOfEvent(_ i: Int) -> Date? {
        let document = documents[i]
        guard let event = document.kind.event, let start = document.fields.date(event.start) else { return nil }
        let end = document.fields.date(event.end)
        let last = end ?? start
        guard last.isWholeDay || end == nil else { return last.instant }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = config.timeZone
        let day = calendar.startOfDay(for: last.instant)
        return calendar.date(byAdding: .day, value: 1, to: day)
    }

    /// Events of `kind` not yet over, soonest first.
    public func upcomingEvents(of kind: ContentKind) -> [Int] {
        (lists[kind] ?? []).filter { (endOfEvent($0) ?? .distantPast) > now }
    }

    /// Events of `kind` that are over, most recent first.
    public func pastEvents(of kind: ContentKind) -> [Int] {
        (lists[kind] ?? []).filter { (endOfEvent($0) ?? .distantPast) <= now }.reversed()
    }
}
