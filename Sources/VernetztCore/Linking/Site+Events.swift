import Foundation

/// Which events are still to come at the build's `now`, and which are over.
extension Site {
    /// The moment an event is over: its end, or the end of its (last) day when it has no time.
    public func endOfEvent(_ i: Int) -> Date? {
        guard case .event(let event) = documents[i].fields, let start = event.start else { return nil }
        let last = event.end ?? start
        guard last.isWholeDay || event.end == nil else { return last.instant }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = config.timeZone
        let day = calendar.startOfDay(for: last.instant)
        return calendar.date(byAdding: .day, value: 1, to: day)
    }

    /// Events not yet over, soonest first.
    public var upcomingEvents: [Int] {
        (lists[.event] ?? []).filter { (endOfEvent($0) ?? .distantPast) > now }
    }

    /// Events that are over, most recent first.
    public var pastEvents: [Int] {
        (lists[.event] ?? []).filter { (endOfEvent($0) ?? .distantPast) <= now }.reversed()
    }
}
