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
        return endOfDay(last)
    }

    /// When registering for event `i` stops: after its deadline (the whole day, when it has no
    /// time), and when the event is over at the latest.
    public func endOfRegistration(_ i: Int) -> Date? {
        let document = documents[i]
        let over = endOfEvent(i)
        guard let deadline = document.kind.event?.deadline.flatMap({ document.fields.date($0) }) else { return over }
        let closes = deadline.isWholeDay ? endOfDay(deadline) : deadline.instant
        return [over, closes].compactMap { $0 }.min()
    }

    private func endOfDay(_ date: ContentDate) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = config.timeZone
        return calendar.date(byAdding: .day, value: 1, to: calendar.startOfDay(for: date.instant))
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
