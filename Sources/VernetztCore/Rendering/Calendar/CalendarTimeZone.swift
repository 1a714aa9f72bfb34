import Foundation
import VernetztEngine
import VernetztModel

/// A VTIMEZONE for the site's zone, built from the system's time-zone data: one observance per
/// offset change in the years the events span, plus the one in force before the first.
struct CalendarTimeZone {
    let zone: TimeZone

    func component(years: ClosedRange<Int>) -> [String] {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(secondsFromGMT: 0)!
        let from = utc.date(from: DateComponents(year: years.lowerBound - 1, month: 1, day: 1))!
        let until = utc.date(from: DateComponents(year: years.upperBound + 1, month: 1, day: 1))!
        var lines = ["BEGIN:VTIMEZONE", "TZID:\(zone.identifier)"]
        var cursor = from
        var found = false
        while let transition = zone.nextDaylightSavingTimeTransition(after: cursor), transition < until {
            lines += observance(at: transition)
            cursor = transition
            found = true
        }
        if !found {
            let offset = Self.offset(zone.secondsFromGMT(for: from))
            lines += ["BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:\(offset)", "TZOFFSETTO:\(offset)", "END:STANDARD"]
        }
        lines.append("END:VTIMEZONE")
        return lines
    }

    /// An observance starting at `instant`, its DTSTART in the local time before the change.
    private func observance(at instant: Date) -> [String] {
        let before = zone.secondsFromGMT(for: instant.addingTimeInterval(-1))
        let after = zone.secondsFromGMT(for: instant)
        let kind = zone.isDaylightSavingTime(for: instant) ? "DAYLIGHT" : "STANDARD"
        var lines = ["BEGIN:\(kind)", "DTSTART:\(Self.localStamp(instant, offset: before))",
                     "TZOFFSETFROM:\(Self.offset(before))", "TZOFFSETTO:\(Self.offset(after))"]
        if let name = zone.abbreviation(for: instant), name.allSatisfy(\.isLetter) {
            lines.append("TZNAME:\(name)")
        }
        lines.append("END:\(kind)")
        return lines
    }

    static func offset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let value = abs(seconds)
        return sign + GermanDateFormatter.twoDigits(value / 3600) + GermanDateFormatter.twoDigits(value % 3600 / 60)
    }

    /// `20221030T030000`: the wall-clock time at `instant` with the given offset.
    static func localStamp(_ instant: Date, offset: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: offset)!
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        return String(format: "%04d%02d%02dT%02d%02d%02d", p.year!, p.month!, p.day!, p.hour!, p.minute!, p.second!)
    }
}
