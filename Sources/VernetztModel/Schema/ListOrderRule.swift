import VernetztEngine

/// How a kind's list is ordered (ties: German alphabetical order of the titles).
public enum ListOrderRule: Sendable, Equatable {
    /// By the kind's date, newest first (posts).
    case newestFirst
    /// By the kind's date, oldest first (events: soonest first).
    case oldestFirst
    /// German alphabetical order of the titles.
    case title
    /// By family name, titles like „Dr.“ skipped (people).
    case familyName
    /// By a number field, smallest first; items without it last (formats' `order`).
    case number(FieldSchema)

    public static func == (a: ListOrderRule, b: ListOrderRule) -> Bool {
        switch (a, b) {
        case (.newestFirst, .newestFirst), (.oldestFirst, .oldestFirst), (.title, .title), (.familyName, .familyName): true
        case (.number(let x), .number(let y)): x === y
        default: false
        }
    }

    static let words = ["newest-first", "oldest-first", "title", "family-name"]
}
