import VernetztEngine

/// What a front-matter field holds: a closed set, so that every type is read, checked and shown
/// by code that knows it (`FieldValueReader`, `ViewModelBuilder`).
public enum FieldType: String, CaseIterable, Sendable {
    case text, markdown, date, datetime
    case dateOrDatetime = "date-or-datetime"
    case bool, number, url, email, phone
    case enumeration = "enum"
    case image, reference, list, object

    /// Types whose value is a point in time.
    package var isDate: Bool { self == .date || self == .datetime || self == .dateOrDatetime }

    /// Types whose reader reports a missing required key itself.
    var readerRequires: Bool {
        switch self {
        case .text, .phone, .url, .date, .datetime, .dateOrDatetime, .markdown: true
        default: false
        }
    }
}
