import VernetztEngine

/// Reads a kind's fields out of a file's front matter as the schema declares them: each value
/// checked against its type, references collected in the order written, Markdown fields parsed
/// like the body. The checks that span fields (an end before the start, an image without its
/// description, too few references) are made here too.
struct FieldValueReader {
    let schema: Schema
    let markdown: MarkdownParser

    struct Outcome {
        var values: FieldValues
        var references: [Reference]
        /// `@` links and local paths in Markdown fields, checked with the body's.
        var links: [MarkdownLink] = []
        var localLinks: [MarkdownLink] = []
    }

    func read(_ kind: ContentKind, from reader: inout FieldReader, draft: Bool) -> Outcome {
        var outcome = Outcome(values: FieldValues(values: []), references: [])
        outcome.values = values(kind.fields, kind: kind, from: &reader, into: &outcome, draft: draft)
        if let event = kind.event, let start = outcome.values.date(event.start), let end = outcome.values.date(event.end), end < start {
            reader.error(reader.keyLocation(event.end!.name), .endBeforeStart(end: event.end!.name, start: event.start.name))
        }
        // Readers must know where to go: a published event without a place or `online` says so.
        // (The template's empty `location: {name: "", …}` is no place either.)
        let place = kind.event?.location.flatMap { location in outcome.values.object(location) }
        let hasPlace = place.map { values in values.values.contains { ($0?.text ?? "").contains { !$0.isWhitespace } } } ?? false
        if let event = kind.event, let location = event.location, let online = event.online, !draft,
           !hasPlace, !outcome.values.bool(online) {
            reader.warning(SourceLocation(path: reader.path), .eventWithoutPlace(location: location.name, online: online.name))
        }
        return outcome
    }

    private func values(_ fields: [FieldSchema], kind: ContentKind, from reader: inout FieldReader, into outcome: inout Outcome,
                        draft: Bool) -> FieldValues {
        var values: [FieldValue?] = []
        values.reserveCapacity(fields.count)
        for field in fields {
            let value = self.value(field, kind: kind, from: &reader, into: &outcome, draft: draft)
            values.append(value ?? field.defaultValue)
        }
        let read = FieldValues(values: values)
        // A picture says nothing to those who cannot see it without a description; one that
        // only decorates says so with an empty description.
        for field in fields where field.type == .image && read[field] != nil {
            if let alt = field.alt, !reader.contains(alt) {
                reader.error(reader.keyLocation(field.name), .pictureWithoutAlt(field.name, alt: alt))
            }
        }
        return read
    }

    private func value(_ field: FieldSchema, kind: ContentKind, from reader: inout FieldReader, into outcome: inout Outcome,
                       draft: Bool) -> FieldValue? {
        let key = field.name
        // Text, URLs and dates report a missing required key themselves; the others here.
        if !field.type.readerRequires { requireIfNeeded(field, &reader) }
        switch field.type {
        case .text, .phone:
            // A phone number is written as people write it („0345 – 96 39 614“); its `tel:`
            // link keeps the digits.
            return reader.string(key, required: field.required).map(FieldValue.text)
        case .url:
            return reader.url(key, required: field.required).map(FieldValue.text)
        case .email:
            return reader.email(key).map(FieldValue.text)
        case .image:
            let location = reader.valueLocation(key)
            guard let path = reader.path(key) else { return nil }
            // Checked like a picture in the body once the output is known.
            if MarkdownParser.isLocal(path) { outcome.localLinks.append(MarkdownLink(raw: path, location: location, isImage: true)) }
            return .text(path)
        case .enumeration:
            return reader.choice(key, among: field.values).map(FieldValue.text)
        case .bool:
            return reader.bool(key).map(FieldValue.bool)
        case .number:
            return reader.int(key).map(FieldValue.number)
        case .date, .datetime, .dateOrDatetime:
            let location = reader.valueLocation(key)
            guard let date = reader.date(key, required: field.required) else { return nil }
            if field.type == .date && !date.isWholeDay {
                reader.error(location, .dayWithTime(key))
                return nil
            }
            if field.type == .datetime && date.isWholeDay {
                reader.error(location, .needsTime(key))
                return nil
            }
            return .date(date)
        case .list:
            let texts = reader.strings(key)
            if field.role == .tags {
                for tag in texts where Slug.make(tag.text).isEmpty {
                    reader.error(tag.location, .tagWithoutLetters(tag.text))
                }
            }
            return texts.isEmpty && !reader.contains(key) ? nil : .texts(texts.map(\.text))
        case .reference:
            guard let target = schema.target(of: field) else { return nil }
            if field.many {
                let location = reader.keyLocation(key)
                let references = reader.references(key, to: target, field: field)
                // A draft may still be unfinished; a published item must name enough.
                if references.count < field.minimum, !draft {
                    reader.error(location, .tooFewReferences(key, minimum: field.minimum, kind: kind.phrase))
                }
                outcome.references += references
                return reader.contains(key) ? .references(references) : nil
            }
            guard let reference = reader.reference(key, to: target, field: field) else { return nil }
            outcome.references.append(reference)
            return .references([reference])
        case .object:
            guard var nested = reader.nested(key) else { return nil }
            let values = values(field.fields, kind: kind, from: &nested, into: &outcome, draft: draft)
            reader.absorb(&nested)
            return .object(values)
        case .markdown:
            let location = reader.keyLocation(key)
            guard let text = reader.string(key, required: field.required) else { return nil }
            let parsed = markdown.parse(text, path: reader.path, firstLine: location.line)
            for diagnostic in parsed.diagnostics { diagnostic.isError ? reader.error(diagnostic.location, diagnostic.text)
                                                                       : reader.warning(diagnostic.location, diagnostic.text) }
            for link in parsed.links where link.isEmbed {
                reader.error(link.location, .embedInField(key))
            }
            outcome.links += parsed.links.filter { !$0.isEmbed }
            outcome.localLinks += parsed.localLinks
            return .markdown(parsed.body)
        }
    }

    /// Reports a missing required field whose reader has no `required` of its own.
    private func requireIfNeeded(_ field: FieldSchema, _ reader: inout FieldReader) {
        if field.required { _ = reader.value(field.name, required: true) }
    }
}
