/// When an event takes place, in German as people write it:
/// `Dienstag, 5. Juli 2022` · `5. Juli 2022, 14:00–17:30 Uhr` · `5.–7. Juli 2022` ·
/// `30. Juni – 2. Juli 2022` · `5. Juli 2022, 14:00 Uhr – 7. Juli 2022, 12:00 Uhr`.
public enum EventDateFormatter {
    public static func when(start: ContentDate, end: ContentDate?) -> String {
        typealias F = GermanDateFormatter
        guard let end, !sameDay(start, end) || (!start.isWholeDay && !end.isWholeDay) else {
            // One day: a whole day names its weekday; a time without an end is a start time.
            return start.isWholeDay ? F.long(start) : "\(F.date(start)), \(F.time(start)) Uhr"
        }
        if sameDay(start, end) {
            return "\(F.date(start)), \(F.time(start))–\(F.time(end)) Uhr"
        }
        if !start.isWholeDay || !end.isWholeDay {
            let from = start.isWholeDay ? F.date(start) : "\(F.date(start)), \(F.time(start)) Uhr"
            let to = end.isWholeDay ? F.date(end) : "\(F.date(end)), \(F.time(end)) Uhr"
            return "\(from) – \(to)"
        }
        if start.year != end.year {
            return "\(F.date(start)) – \(F.date(end))"
        }
        if start.month != end.month {
            return "\(start.day). \(F.months[start.month - 1]) – \(F.date(end))"
        }
        return "\(start.day).–\(F.date(end))"
    }

    static func sameDay(_ a: ContentDate, _ b: ContentDate) -> Bool {
        (a.year, a.month, a.day) == (b.year, b.month, b.day)
    }
}
