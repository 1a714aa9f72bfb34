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
        var bytes: [UInt8] = []
        iso(d, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `iso` written as UTF-8 digits: a sitemap has one per page, and interpolating a dozen
    /// strings for each cost more than the rest of its line.
    public static func iso(_ d: ContentDate, into out: inout [UInt8]) {
        func digits(_ n: Int, _ width: Int) {
            let text = String(n)
            if text.utf8.count < width { out += repeatElement(UInt8(ascii: "0"), count: width - text.utf8.count) }
            out += text.utf8
        }
        digits(d.year, 1)
        if d.precision == .year { return }
        out.append(UInt8(ascii: "-"))
        digits(d.month, 2)
        if d.precision == .month { return }
        out.append(UInt8(ascii: "-"))
        digits(d.day, 2)
        guard !d.isWholeDay else { return }
        let offset = abs(d.utcOffsetSeconds)
        out.append(UInt8(ascii: "T"))
        digits(d.hour, 2)
        out.append(UInt8(ascii: ":"))
        digits(d.minute, 2)
        out += ":00".utf8
        out.append(d.utcOffsetSeconds < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        digits(offset / 3600, 2)
        out.append(UInt8(ascii: ":"))
        digits(offset % 3600 / 60, 2)
    }

    package static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
