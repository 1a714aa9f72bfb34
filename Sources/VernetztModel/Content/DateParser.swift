import Foundation
import VernetztEngine

/// Reads `2022-07-05`, `2022-07-05 14:00`, `2022-07-05T14:00:00` (site time) and
/// `2022-07-05T14:00:00+02:00` / `…Z` (explicit offset) into `ContentDate`s. A bare year
/// (`2022`) or month (`2022-06`) is accepted where only that much is known.
public struct DateParser: Sendable {
    public let calendar: Calendar

    public init(timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// Years before this are typos (`0222-07-05`): they make invalid dates in HTML, sitemaps
    /// and feeds, and mix the Julian and Gregorian calendars.
    static let earliestYear = 1000

    /// Why `text` is no date, when there is more to say than the general hint.
    public func reason(_ text: String) -> Message.DateProblem? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let iso = Self.isoForm(ofGerman: trimmed), parse(iso) != nil { return .germanOrder(iso) }
        if let year = Int(trimmed.prefix(4)), trimmed.prefix(4).allSatisfy(\.isASCII), year < Self.earliestYear {
            return .implausibleYear(String(trimmed.prefix(4)), earliest: Self.earliestYear)
        }
        // A well-formed local time that parses once an hour later lies in the spring-forward gap.
        let wellFormed = trimmed.count >= 16 && !trimmed.hasSuffix("Z") && !trimmed.dropFirst(16).contains { $0 == "+" || $0 == "-" }
        if wellFormed, let hour = Int(trimmed.dropFirst(11).prefix(2)), hour < 23 {
            let later = trimmed.prefix(11) + String(format: "%02d", hour + 1) + trimmed.dropFirst(13)
            if parse(String(later)) != nil {
                return .skippedTime(String(trimmed.dropFirst(11).prefix(5)), zone: calendar.timeZone.identifier)
            }
        }
        return nil
    }

    /// `31.12.2024`, `5.7.2022 14:00` or `5.7.2022, 14:00 Uhr` as this parser reads it
    /// (`2024-12-31`, `2022-07-05T14:00`); nil for anything else.
    static func isoForm(ofGerman text: String) -> String? {
        var rest = Substring(text)
        if rest.hasSuffix(" Uhr") { rest = rest.dropLast(4) }
        let parts = rest.split(separator: " ", maxSplits: 1).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ", ")) }
        func digits(_ part: Substring) -> Bool { part.allSatisfy { $0.isASCII && $0.isNumber } }
        guard let day = parts.first else { return nil }
        let date = day.split(separator: ".", omittingEmptySubsequences: false)
        guard date.count == 3, (1...2).contains(date[0].count), (1...2).contains(date[1].count), date[2].count == 4,
              date.allSatisfy(digits) else { return nil }
        func padded(_ number: Substring) -> String { number.count == 1 ? "0" + number : String(number) }
        var iso = "\(date[2])-\(padded(date[1]))-\(padded(date[0]))"
        if parts.count == 2 {
            let time = parts[1].split(separator: ":")
            guard time.count == 2, (1...2).contains(time[0].count), time[1].count == 2,
                  time.allSatisfy(digits) else { return nil }
            iso += "T\(padded(time[0])):\(time[1])"
        }
        return iso
    }

    public func parse(_ text: String) -> ContentDate? {
        let bytes = Self.trimmed(text)
        var cursor = 0
        func number(_ width: Int) -> Int? {
            guard cursor + width <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[cursor..<cursor + width] {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            cursor += width
            return value
        }
        func expect(_ char: UInt8) -> Bool {
            guard cursor < bytes.count, bytes[cursor] == char else { return false }
            cursor += 1
            return true
        }
        guard let year = number(4), year >= Self.earliestYear else { return nil }
        if cursor == bytes.count {
            return make(year, 1, 1, 0, 0, 0, offset: nil, wholeDay: true).map { $0.with(.year) }
        }
        guard expect(UInt8(ascii: "-")), let month = number(2) else { return nil }
        if cursor == bytes.count {
            guard (1...12).contains(month) else { return nil }
            return make(year, month, 1, 0, 0, 0, offset: nil, wholeDay: true).map { $0.with(.month) }
        }
        guard expect(UInt8(ascii: "-")), let day = number(2) else { return nil }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        if cursor == bytes.count {
            return make(year, month, day, 0, 0, 0, offset: nil, wholeDay: true)
        }
        guard expect(UInt8(ascii: "T")) || expect(UInt8(ascii: " ")),
              let hour = number(2), expect(UInt8(ascii: ":")), let minute = number(2) else { return nil }
        var second = 0
        if expect(UInt8(ascii: ":")) {
            guard let s = number(2) else { return nil }
            second = s
        }
        guard hour < 24, minute < 60, second < 60 else { return nil }
        var offset: Int?
        if expect(UInt8(ascii: "Z")) {
            offset = 0
        } else if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "+") || bytes[cursor] == UInt8(ascii: "-") {
            let sign = bytes[cursor] == UInt8(ascii: "-") ? -1 : 1
            cursor += 1
            guard let oh = number(2) else { return nil }
            _ = expect(UInt8(ascii: ":"))
            guard let om = number(2), oh < 24, om < 60 else { return nil }
            offset = sign * (oh * 3600 + om * 60)
        }
        guard cursor == bytes.count else { return nil }
        return make(year, month, day, hour, minute, second, offset: offset, wholeDay: false).map { $0.with(.minute) }
    }

    private func make(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int,
                      offset: Int?, wholeDay: Bool) -> ContentDate? {
        let instant: Date
        if let offset {
            guard let base = Self.utc.date(from: DateComponents(year: year, month: month, day: day,
                                                           hour: hour, minute: minute, second: second))
            else { return nil }
            instant = base.addingTimeInterval(TimeInterval(-offset))
        } else {
            guard let local = calendar.date(from: DateComponents(year: year, month: month, day: day,
                                                                 hour: hour, minute: minute, second: second))
            else { return nil }
            // A local time the clocks skip (02:30 on the night summer time starts) does not
            // exist; Foundation would move it silently.
            if !wholeDay {
                let parts = calendar.dateComponents([.hour, .minute], from: local)
                guard parts.hour == hour, parts.minute == minute else { return nil }
            }
            instant = local
        }
        return describe(instant, wholeDay: wholeDay)
    }

    /// Made once: a calendar made for each date took as long as reading the date.
    private static let utc: Calendar = {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(secondsFromGMT: 0)!
        return utc
    }()

    /// The text's bytes without the spaces around it. ASCII text (every date) is trimmed on its
    /// bytes; other text as Foundation trims it.
    private static func trimmed(_ text: String) -> [UInt8] {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return Array(text.trimmingCharacters(in: .whitespaces).utf8) }
        let isSpace = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        let utf8 = text.utf8
        guard let first = utf8.firstIndex(where: { !isSpace($0) }), let last = utf8.lastIndex(where: { !isSpace($0) }) else { return [] }
        return Array(utf8[first...last])
    }

    /// The calendar fields of a moment in the site's time zone.
    public func describe(_ instant: Date, wholeDay: Bool = false) -> ContentDate {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: instant)
        return ContentDate(instant: instant, isWholeDay: wholeDay,
                           year: parts.year!, month: parts.month!, day: parts.day!,
                           hour: parts.hour!, minute: parts.minute!, weekday: parts.weekday!,
                           utcOffsetSeconds: calendar.timeZone.secondsFromGMT(for: instant))
    }

    private func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension ContentDate {
    func with(_ precision: Precision) -> ContentDate {
        var copy = self
        copy.precision = precision
        return copy
    }
}
