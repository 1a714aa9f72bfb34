import Foundation
import VernetztEngine
import VernetztModel

/// The iCalendar files of the site's events: one per event and one with all of them.
/// Deterministic: DTSTAMP comes from the event file (`updated`, else its start), never the clock.
struct EventCalendar {
    let site: Site

    /// The host part of UIDs: stable as long as the site's address is.
    var host: String { URL(string: site.config.baseURL)?.host ?? "vernetzt" }

    /// The calendar file beside an event's page: `digitale-degustation-2022.ics`.
    static func fileName(of document: Document) -> String { document.slug + ".ics" }

    /// A calendar of `events`, named after their kind („Veranstaltungen – vernetzt wachsen“).
    func calendar(of events: [Int]) -> String {
        var writer = ICSWriter()
        writer.raw("BEGIN", "VCALENDAR")
        writer.raw("VERSION", "2.0")
        writer.text("PRODID", "-//vernetzt//\(site.config.title)//DE")
        writer.raw("CALSCALE", "GREGORIAN")
        writer.raw("METHOD", "PUBLISH")
        let kind = events.first.map { site.documents[$0].kind.pluralTitle } ?? ""
        writer.text("X-WR-CALNAME", "\(kind) – \(site.config.title)")
        writer.raw("X-WR-TIMEZONE", site.config.timeZone.identifier)
        let timed = events.map(dates).filter { !($0.start?.isWholeDay ?? true) || !($0.end?.isWholeDay ?? true) }
        let years = timed.flatMap { [$0.start?.year, $0.end?.year].compactMap { $0 } }
        if let first = years.min(), let last = years.max() {
            for line in CalendarTimeZone(zone: site.config.timeZone).component(years: first...last) {
                let parts = line.split(separator: ":", maxSplits: 1).map(String.init)
                writer.raw(parts[0], parts[1])
            }
        }
        for i in events { addEvent(i, to: &writer) }
        writer.raw("END", "VCALENDAR")
        return writer.output
    }

    /// An event's start and end.
    private func dates(_ i: Int) -> (start: ContentDate?, end: ContentDate?) {
        let document = site.documents[i]
        guard let event = document.kind.event else { return (nil, nil) }
        return (document.fields.date(event.start), document.fields.date(event.end))
    }

    private func addEvent(_ i: Int, to writer: inout ICSWriter) {
        let document = site.documents[i]
        guard let event = document.kind.event, let start = document.fields.date(event.start) else { return }
        let end = document.fields.date(event.end)
        writer.raw("BEGIN", "VEVENT")
        writer.text("UID", "\(document.id)@\(host)")
        writer.raw("DTSTAMP", Self.utcStamp((document.common.updated ?? start).instant))
        let wholeDays = start.isWholeDay && (end?.isWholeDay ?? true)
        if wholeDays {
            writer.raw("DTSTART;VALUE=DATE", Self.dayStamp(start))
            // The end of a whole-day event is exclusive: the day after its last day.
            writer.raw("DTEND;VALUE=DATE", Self.dayStamp(nextDay(after: end ?? start)))
        } else {
            let zone = "TZID=\(site.config.timeZone.identifier)"
            writer.raw("DTSTART;\(zone)", localStamp(start.instant))
            if let end {
                writer.raw("DTEND;\(zone)", localStamp(end.isWholeDay ? nextDay(after: end).instant : end.instant))
            }
        }
        writer.text("SUMMARY", document.displayTitle)
        if document.fields.bool(event.online) {
            writer.text("LOCATION", "online")
        } else if let place = EventPlace(document.fields, role: event)?.fullLine {
            writer.text("LOCATION", place)
        }
        if let summary = document.common.summary { writer.text("DESCRIPTION", summary) }
        writer.raw("URL", site.absoluteURL(of: i))
        writer.raw("END", "VEVENT")
    }

    private func nextDay(after date: ContentDate) -> ContentDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = site.config.timeZone
        let next = calendar.date(byAdding: .day, value: 1, to: calendar.startOfDay(for: date.instant))!
        return DateParser(timeZone: site.config.timeZone).describe(next, wholeDay: true)
    }

    private func localStamp(_ instant: Date) -> String {
        CalendarTimeZone.localStamp(instant, offset: site.config.timeZone.secondsFromGMT(for: instant))
    }

    static func dayStamp(_ date: ContentDate) -> String {
        String(format: "%04d%02d%02d", date.year, date.month, date.day)
    }

    static func utcStamp(_ instant: Date) -> String {
        CalendarTimeZone.localStamp(instant, offset: 0) + "Z"
    }
}
