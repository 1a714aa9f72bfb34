import VernetztEngine
import VernetztModel

/// The template `vernetzt new` writes a kind's file from when the layouts bring none
/// (`layouts/new/<folder>.md`): every field of the kind, the required ones filled in, the
/// others as comments, each with its German title and, for references, the valid ids.
enum NewFileTemplate {
    static func text(for kind: ContentKind, in schema: Schema) -> String {
        var lines = ["---", "title: {{{title}}}"]
        if let date = kind.dateField { lines.append("\(date.name): {{{date}}}") }
        lines += ["draft: true", "summary: \"\""]
        for field in kind.fields where field !== kind.dateField {
            lines += self.lines(for: field, in: schema)
        }
        lines += ["---", "", "Ihr Text.", ""]
        return lines.joined(separator: "\n")
    }

    private static func lines(for field: FieldSchema, in schema: Schema) -> [String] {
        let target = schema.target(of: field)
        var comment = "# \(field.title)"
        if let target { comment += ", ids aus content/\(target.folder)/: {{{ids.\(target.folder)}}}" }
        if field.type == .enumeration { comment += ": " + field.values.joined(separator: " | ") }
        if field.type.isDate { comment += " (z. B. {{{date}}} oder {{{date}}}T14:00)" }
        let line = "\(field.name): \(example(field))"
        if field.type == .object {
            let nested = field.fields.map { "  \($0.name): \(example($0))" }
            return field.required ? [comment, "\(field.name):"] + nested : [comment, "# \(field.name):"] + nested.map { "# " + $0 }
        }
        // Lists and required fields are written out; the rest waits, commented, for a value.
        return field.required || field.isReferenceList || field.type == .list ? [comment, line] : [comment, "# " + line]
    }

    private static func example(_ field: FieldSchema) -> String {
        switch field.type {
        case .reference: field.many ? "[]" : "\"\""
        case .list: "[]"
        case .bool: "false"
        case .number: "0"
        case .date, .dateOrDatetime: "{{{date}}}"
        case .datetime: "{{{date}}}T14:00"
        case .url: "https://…"
        case .enumeration: field.values.first ?? "\"\""
        case .text, .markdown, .email, .phone, .image, .object: "\"\""
        }
    }
}
