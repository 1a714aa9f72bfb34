import VernetztEngine

/// When an event takes place, in German as people write it, always with the weekday:
/// `Dienstag, 5. Juli 2022` · `Dienstag, 5. Juli 2022, 14:00–17:30 Uhr` ·
/// `Dienstag, 5. – Donnerstag, 7. Juli 2022` · `Donnerstag, 30. Juni – Samstag, 2. Juli 2022` ·
/// `Dienstag, 5. Juli 2022, 14:00 Uhr – Donnerstag, 7. Juli 2022, 12:00 Uhr`.
public enum EventDateFormatter {
    public static func when(start: ContentDate, end: ContentDate?) -> String {
        typealias F = GermanDateFormatter
        guard let end, !sameDay(start, end) || (!start.isWholeDay && !end.isWholeDay) else {
            // One day; a time without an end is a start time.
            return start.isWholeDay ? day(start) : "\(day(start)), \(F.time(start)) Uhr"
        }
        if sameDay(start, end) {
            return "\(day(start)), \(F.time(start))–\(F.time(end)) Uhr"
        }
        if !start.isWholeDay || !end.isWholeDay {
            let from = start.isWholeDay ? day(start) : "\(day(start)), \(F.time(start)) Uhr"
            let to = end.isWholeDay ? day(end) : "\(day(end)), \(F.time(end)) Uhr"
            return "\(from) – \(to)"
        }
        guard hasDay(start), hasDay(end), start.year == end.year else {
            return "\(day(start)) – \(day(end))"
        }
        let weekday = F.weekdays[start.weekday - 1]
        if start.month != end.month {
            return "\(weekday), \(start.day). \(F.months[start.month - 1]) – \(day(end))"
        }
        return "\(weekday), \(start.day). – \(day(end))"
    }

    /// `Dienstag, 5. Juli 2022`; a date known only to the month or year as it is.
    static func day(_ d: ContentDate) -> String {
        hasDay(d) ? "\(GermanDateFormatter.weekdays[d.weekday - 1]), \(GermanDateFormatter.date(d))" : GermanDateFormatter.date(d)
    }

    private static func hasDay(_ d: ContentDate) -> Bool {
        d.precision == .day || d.precision == .minute
    }

    static func sameDay(_ a: ContentDate, _ b: ContentDate) -> Bool {
        (a.year, a.month, a.day) == (b.year, b.month, b.day)
    }
}
