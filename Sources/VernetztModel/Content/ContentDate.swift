import Foundation
import VernetztEngine

/// A date from front matter: a whole day, or a moment, always read in the site's time zone.
public struct ContentDate: Sendable, Hashable, Comparable {
    /// The moment; for a whole day, its midnight in the site's time zone.
    public var instant: Date
    public var isWholeDay: Bool
    /// How much of the date the editor knew: `2022`, `2022-06`, a day or a moment.
    public var precision: Precision = .day
    /// The calendar fields in the site's time zone, for formatting without recomputing.
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    /// 1 = Sunday … 7 = Saturday, as Foundation's Gregorian calendar counts.
    public var weekday: Int
    /// Offset from UTC at that moment, in seconds (for ISO 8601 with offset).
    public var utcOffsetSeconds: Int

    public enum Precision: Sendable, Hashable {
        case year, month, day, minute
    }

    public static func < (a: ContentDate, b: ContentDate) -> Bool { a.instant < b.instant }
}
