import VernetztEngine

/// German date texts, written out by hand so that output never depends on the machine's locale data.
public enum GermanDateFormatter {
    static let months = ["Januar", "Februar", "März", "April", "Mai", "Juni",
                         "Juli", "August", "September", "Oktober", "November", "Dezember"]
    static let weekdays = ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"]

    /// `5. Juli 2022` (or `Juli 2022`, `2022` when only that much is known)
    public static func date(_ d: ContentDate) -> String {
        switch d.precision {
        case .year: "\(d.year)"
        case .month: "\(months[d.month - 1]) \(d.year)"
        case .day, .minute: "\(d.day). \(months[d.month - 1]) \(d.year)"
        }
    }

    /// `Dienstag, 5. Juli 2022`, with `, 14:00 Uhr` when the date has a time.
    public static func long(_ d: ContentDate) -> String {
        guard d.precision == .day || d.precision == .minute else { return date(d) }
        let day = "\(weekdays[d.weekday - 1]), \(date(d))"
        return d.isWholeDay ? day : "\(day), \(time(d)) Uhr"
    }

    /// `14:00`
    public static func time(_ d: ContentDate) -> String {
        "\(d.hour):\(twoDigits(d.minute))"
    }

    /// `05.07.2022`
    public static func numeric(_ d: ContentDate) -> String {
        guard d.precision == .day || d.precision == .minute else { return date(d) }
        return "\(twoDigits(d.day)).\(twoDigits(d.month)).\(d.year)"
    }

    /// ISO 8601: `2022-07-05` for a whole day, `2022-07-05T14:00:00+02:00` for a moment.
    public static func iso(_ d: ContentDate) -> String {
        if d.precision == .year { return "\(d.year)" }
        if d.precision == .month { return "\(d.year)-\(twoDigits(d.month))" }
        let day = "\(d.year)-\(twoDigits(d.month))-\(twoDigits(d.day))"
        guard !d.isWholeDay else { return day }
        let offset = abs(d.utcOffsetSeconds)
        let sign = d.utcOffsetSeconds < 0 ? "-" : "+"
        return "\(day)T\(twoDigits(d.hour)):\(twoDigits(d.minute)):00\(sign)\(twoDigits(offset / 3600)):\(twoDigits(offset % 3600 / 60))"
    }

    package static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
