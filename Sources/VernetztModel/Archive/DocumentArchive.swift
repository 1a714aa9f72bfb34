import Foundation
import VernetztEngine

/// A parsed document as bytes and back, for the build state kept on disk (`BuildState`): a
/// build parses only the files whose bytes changed and reads the others' documents from there.
/// Kinds and fields are written as their places in the schema, which must be the very schema
/// they were parsed with (the state is dropped when the schema changes).
package struct DocumentArchive: Sendable {
    package let schema: Schema
    /// The path of the document being written or read: most of its locations are in its own
    /// file, and are kept as a flag instead of the path again.
    private var documentPath = ""

    package init(schema: Schema) {
        self.schema = schema
    }

    /// The document's bytes without its body's HTML, which is stored beside them (the build
    /// state's log keeps it apart, so that a page's body is read only when the page is made);
    /// nil when the document holds something this archive cannot name (a field outside its
    /// kind): such a document is parsed again next time.
    package func encode(_ document: Document) -> [UInt8]? {
        var out = ArchiveWriter(capacity: 1024)
        var scoped = self
        scoped.documentPath = document.path
        guard scoped.write(document, to: &out) else { return nil }
        return out.bytes
    }

    /// The document from `encode`'s bytes, its body's HTML in memory (`html`) or left where it was stored.
    package func decode(_ bytes: UnsafeRawBufferPointer, html: MarkdownBody.Storage) throws(ArchiveReader.Damaged) -> Document {
        var reader = ArchiveReader(bytes)
        let document = try read(&reader, html: html)
        guard reader.isAtEnd else { throw ArchiveReader.Damaged() }
        return document
    }

    // MARK: Writing

    private func write(_ document: Document, to out: inout ArchiveWriter) -> Bool {
        write(document.kind, to: &out)
        out.write(document.id)
        out.write(document.path)
        write(document.common, to: &out)
        write(document.fields, to: &out)
        out.write(UInt64(document.references.count))
        for reference in document.references {
            guard write(reference, in: document.kind, to: &out) else { return false }
        }
        write(document.body, htmlInline: false, to: &out)
        write(document.links, to: &out)
        write(document.localLinks, to: &out)
        out.write(document.bundleFolder)
        out.write(document.fingerprint)
        out.write(document.linkSignature)
        return true
    }

    private func write(_ kind: ContentKind, to out: inout ArchiveWriter) {
        out.write(kind === schema.homeKind ? -1 : kind.index)
    }

    private func write(_ common: CommonFields, to out: inout ArchiveWriter) {
        out.write(common.title)
        out.write(common.slug)
        write(common.slugLocation, to: &out)
        out.write(common.summary)
        out.write(common.draft)
        write(common.updated, to: &out)
        write(common.expires, to: &out)
        out.write(UInt64(common.aliases.count))
        for alias in common.aliases {
            out.write(alias.path)
            write(alias.location, to: &out)
        }
    }

    private func write(_ location: SourceLocation, to out: inout ArchiveWriter) {
        out.write(location.path == documentPath)
        if location.path != documentPath { out.write(location.path) }
        out.write(location.line)
        out.write(location.column)
    }

    private func write(_ date: ContentDate?, to out: inout ArchiveWriter) {
        out.write(date != nil)
        guard let date else { return }
        out.write(date.instant.timeIntervalSinceReferenceDate)
        out.write(date.isWholeDay)
        out.write(Self.precisions.firstIndex(of: date.precision)!)
        for number in [date.year, date.month, date.day, date.hour, date.minute, date.weekday, date.utcOffsetSeconds] {
            out.write(number)
        }
    }

    private static let precisions: [ContentDate.Precision] = [.year, .month, .day, .minute]

    private func write(_ values: FieldValues, to out: inout ArchiveWriter) {
        out.write(UInt64(values.values.count))
        for value in values.values {
            guard let value else {
                out.write(0 as UInt64)
                continue
            }
            switch value {
            case .text(let text):
                out.write(1 as UInt64)
                out.write(text)
            case .markdown(let body):
                out.write(2 as UInt64)
                write(body, htmlInline: true, to: &out)
            case .date(let date):
                out.write(3 as UInt64)
                write(date, to: &out)
            case .bool(let flag):
                out.write(4 as UInt64)
                out.write(flag)
            case .number(let number):
                out.write(5 as UInt64)
                out.write(number)
            case .references(let references):
                // Only the values of references are kept here; the document's `references` hold
                // them with their fields, and are what linking reads.
                out.write(6 as UInt64)
                out.write(UInt64(references.count))
                for reference in references { writeTarget(of: reference, to: &out) }
            case .texts(let texts):
                out.write(7 as UInt64)
                out.write(texts)
            case .object(let nested):
                out.write(8 as UInt64)
                write(nested, to: &out)
            }
        }
    }

    /// What a reference names and where it was written; its field is known from where it is kept.
    private func writeTarget(of reference: Reference, to out: inout ArchiveWriter) {
        write(reference.kind, to: &out)
        out.write(reference.id)
        out.write(reference.fragment)
        write(reference.location, to: &out)
    }

    private func write(_ reference: Reference, in kind: ContentKind, to out: inout ArchiveWriter) -> Bool {
        writeTarget(of: reference, to: &out)
        guard let field = reference.field else {
            out.write(0 as UInt64)
            return true
        }
        guard let path = Self.path(of: field, in: kind.fields) else { return false }
        out.write(UInt64(path.count))
        for index in path { out.write(UInt64(index)) }
        return true
    }

    /// Where `field` sits among `fields` and their nested fields, as indices from the top.
    private static func path(of field: FieldSchema, in fields: [FieldSchema]) -> [Int]? {
        for candidate in fields {
            if candidate === field { return [candidate.index] }
            if let inner = path(of: field, in: candidate.fields) { return [candidate.index] + inner }
        }
        return nil
    }

    /// A body; its HTML too when `htmlInline` (a Markdown field's), else only its length (the
    /// document's body, whose HTML is stored apart).
    private func write(_ body: MarkdownBody, htmlInline: Bool, to out: inout ArchiveWriter) {
        out.write(body.headingIDs)
        out.write(UInt64(body.sections.count))
        for section in body.sections {
            out.write(section.id)
            out.write(section.title)
        }
        if htmlInline { out.write(bytes: body.htmlOfPlainText) } else { out.write(body.htmlLength) }
        out.write(UInt64(body.holes.count))
        for (range, hole) in body.holes {
            out.write(range.lowerBound)
            out.write(range.upperBound)
            switch hole {
            case .link(let raw):
                out.write(0 as UInt64)
                out.write(raw)
            case .embed(let raw):
                out.write(1 as UInt64)
                out.write(raw)
            case .picture(let index):
                out.write(2 as UInt64)
                out.write(index)
            }
        }
        out.write(UInt64(body.pictures.count))
        for picture in body.pictures {
            out.write(picture.raw)
            out.write(picture.alt)
            out.write(picture.title)
        }
        out.write(body.hasMediaEmbeds)
    }

    private func write(_ links: [MarkdownLink], to out: inout ArchiveWriter) {
        out.write(UInt64(links.count))
        for link in links {
            out.write(link.raw)
            write(link.location, to: &out)
            out.write(link.isEmbed)
            out.write(link.isImage)
        }
    }

    // MARK: Reading

    private func read(_ reader: inout ArchiveReader, html: MarkdownBody.Storage) throws(ArchiveReader.Damaged) -> Document {
        let kind = try readKind(&reader)
        let id = try reader.readString()
        let path = try reader.readString()
        var scoped = self
        scoped.documentPath = path
        return try scoped.readRest(&reader, kind: kind, id: id, path: path, html: html)
    }

    /// The document after its kind, id and path, read with its path known.
    private func readRest(_ reader: inout ArchiveReader, kind: ContentKind, id: String, path: String,
                          html: MarkdownBody.Storage) throws(ArchiveReader.Damaged) -> Document {
        let common = try readCommon(&reader)
        let fields = try readValues(&reader, fields: kind.fields)
        var references: [Reference] = []
        for _ in 0..<(try reader.readCount()) { references.append(try readReference(&reader, in: kind)) }
        let body = try readBody(&reader, html: html)
        let links = try readLinks(&reader)
        let localLinks = try readLinks(&reader)
        let bundleFolder = try reader.readOptionalString()
        let fingerprint = try reader.readInt()
        let linkSignature = try reader.readInt()
        return Document(id: id, kind: kind, path: path, common: common, fields: fields, references: references, body: body,
                        links: links, localLinks: localLinks, bundleFolder: bundleFolder, fingerprint: fingerprint,
                        linkSignature: linkSignature)
    }

    private func readKind(_ reader: inout ArchiveReader) throws(ArchiveReader.Damaged) -> ContentKind {
        let index = try reader.readInt()
        if index == -1 { return schema.homeKind }
        guard schema.kinds.indices.contains(index) else { throw ArchiveReader.Damaged() }
        return schema.kinds[index]
    }

    private func readCommon(_ reader: inout ArchiveReader) throws(ArchiveReader.Damaged) -> CommonFields {
        let title = try reader.readString()
        let slug = try reader.readOptionalString()
        let slugLocation = try readLocation(&reader)
        let summary = try reader.readOptionalString()
        let draft = try reader.readBool()
        let updated = try readDate(&reader)
        let expires = try readDate(&reader)
        var aliases: [(path: String, location: SourceLocation)] = []
        for _ in 0..<(try reader.readCount()) { aliases.append((try reader.readString(), try readLocation(&reader))) }
        return CommonFields(title: title, slug: slug, slugLocation: slugLocation, summary: summary, draft: draft,
                            updated: updated, expires: expires, aliases: aliases)
    }

    private func readLocation(_ reader: inout ArchiveReader) throws(ArchiveReader.Damaged) -> SourceLocation {
        let path = try reader.readBool() ? documentPath : try reader.readString()
        return SourceLocation(path: path, line: try reader.readInt(), column: try reader.readInt())
    }

    private func readDate(_ reader: inout ArchiveReader) throws(ArchiveReader.Damaged) -> ContentDate? {
        guard try reader.readBool() else { return nil }
        let instant = Date(timeIntervalSinceReferenceDate: try reader.readDouble())
        let isWholeDay = try reader.readBool()
        let precision = try reader.readInt()
        guard Self.precisions.indices.contains(precision) else { throw ArchiveReader.Damaged() }
        var numbers: [Int] = []
        for _ in 0..<7 { numbers.append(try reader.readInt()) }
        return ContentDate(instant: instant, isWholeDay: isWholeDay, precision: Self.precisions[precision], year: numbers[0],
                           month: numbers[1], day: numbers[2], hour: numbers[3], minute: numbers[4], weekday: numbers[5],
                           utcOffsetSeconds: numbers[6])
    }

    /// The values of `fields`, in their order.
    private func readValues(_ reader: inout ArchiveReader, fields: [FieldSchema]) throws(ArchiveReader.Damaged) -> FieldValues {
        guard try reader.readCount() == fields.count else { throw ArchiveReader.Damaged() }
        var values: [FieldValue?] = []
        values.reserveCapacity(fields.count)
        for field in fields {
            switch try reader.readUInt() {
            case 0: values.append(nil)
            case 1: values.append(.text(try reader.readString()))
            case 2: values.append(.markdown(try readBody(&reader, html: nil)))
            case 3:
                guard let date = try readDate(&reader) else { throw ArchiveReader.Damaged() }
                values.append(.date(date))
            case 4: values.append(.bool(try reader.readBool()))
            case 5: values.append(.number(try reader.readInt()))
            case 6:
                var references: [Reference] = []
                for _ in 0..<(try reader.readCount()) { references.append(try readTarget(&reader, field: field)) }
                values.append(.references(references))
            case 7: values.append(.texts(try reader.readStrings()))
            case 8: values.append(.object(try readValues(&reader, fields: field.fields)))
            default: throw ArchiveReader.Damaged()
            }
        }
        return FieldValues(values: values)
    }

    private func readTarget(_ reader: inout ArchiveReader, field: FieldSchema?) throws(ArchiveReader.Damaged) -> Reference {
        Reference(kind: try readKind(&reader), id: try reader.readString(), fragment: try reader.readOptionalString(), field: field,
                  location: try readLocation(&reader))
    }

    private func readReference(_ reader: inout ArchiveReader, in kind: ContentKind) throws(ArchiveReader.Damaged) -> Reference {
        var reference = try readTarget(&reader, field: nil)
        var fields = kind.fields
        for _ in 0..<(try reader.readCount()) {
            let index = Int(try reader.readUInt())
            guard fields.indices.contains(index) else { throw ArchiveReader.Damaged() }
            reference.field = fields[index]
            fields = fields[index].fields
        }
        return reference
    }

    /// A body; its HTML from the bytes when `html` is nil (a Markdown field's), else as given,
    /// which must be as long as the body says.
    private func readBody(_ reader: inout ArchiveReader, html given: MarkdownBody.Storage?) throws(ArchiveReader.Damaged) -> MarkdownBody {
        let headingIDs = try reader.readStrings()
        var sections: [BodySection] = []
        for _ in 0..<(try reader.readCount()) { sections.append(BodySection(id: try reader.readString(), title: try reader.readString())) }
        let storage: MarkdownBody.Storage
        if let given {
            // The length written must be the given HTML's: the holes point into it.
            guard try reader.readInt() == given.count else { throw ArchiveReader.Damaged() }
            storage = given
        } else {
            storage = .inMemory(try reader.readBytes())
        }
        var holes: [(range: Range<Int>, content: MarkdownBody.Hole)] = []
        for _ in 0..<(try reader.readCount()) {
            let lower = try reader.readInt()
            let upper = try reader.readInt()
            guard 0 <= lower, lower <= upper, upper <= storage.count, lower >= (holes.last?.range.upperBound ?? 0) else {
                throw ArchiveReader.Damaged()
            }
            let hole: MarkdownBody.Hole
            switch try reader.readUInt() {
            case 0: hole = .link(try reader.readString())
            case 1: hole = .embed(try reader.readString())
            case 2: hole = .picture(try reader.readInt())
            default: throw ArchiveReader.Damaged()
            }
            holes.append((lower..<upper, hole))
        }
        var pictures: [BodyPicture] = []
        for _ in 0..<(try reader.readCount()) {
            pictures.append(BodyPicture(raw: try reader.readString(), alt: try reader.readString(), title: try reader.readString()))
        }
        for (_, hole) in holes {
            if case .picture(let index) = hole, !pictures.indices.contains(index) { throw ArchiveReader.Damaged() }
        }
        return MarkdownBody(storage: storage, holes: holes, headingIDs: headingIDs, sections: sections, pictures: pictures,
                            hasMediaEmbeds: try reader.readBool())
    }

    private func readLinks(_ reader: inout ArchiveReader) throws(ArchiveReader.Damaged) -> [MarkdownLink] {
        var links: [MarkdownLink] = []
        for _ in 0..<(try reader.readCount()) {
            links.append(MarkdownLink(raw: try reader.readString(), location: try readLocation(&reader),
                                      isEmbed: try reader.readBool(), isImage: try reader.readBool()))
        }
        return links
    }
}
