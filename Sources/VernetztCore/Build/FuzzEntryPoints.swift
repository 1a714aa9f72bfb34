import Foundation
import VernetztEngine
import VernetztModel

/// What the fuzzers (Fuzz/, `make fuzz`) drive: each takes arbitrary bytes, runs one part of
/// the pipeline on them, and stops the process when an invariant breaks — a crash is the bug
/// report libFuzzer keeps.
public enum FuzzEntryPoints {
    static let berlin = TimeZone(identifier: "Europe/Berlin")!

    /// Splitting, YAML decoding and Markdown parsing of a content file.
    public static func contentFile(_ bytes: [UInt8]) {
        let parser = DocumentParser(dates: DateParser(timeZone: berlin), allowsRawHTML: false)
        for path in ["content/blog/x.md", "content/veranstaltungen/x.md", "content/stimmen/x.md"] {
            let outcome = parser.parse(SourceFile(path: path, bytes: bytes))
            precondition(outcome.document != nil || outcome.diagnostics.contains(where: \.isError), "no document and no error")
        }
        // The plain front-matter reader reads what Yams reads, or leaves the text to it.
        // The fast UTF-8 check agrees with the standard library's.
        let invalid = bytes.withUnsafeBufferPointer(UTF8Check.firstInvalid)
        precondition((invalid == nil) == (String(validating: bytes, as: UTF8.self) != nil), "UTF-8 checks differ")
        if invalid == nil,
           let split = try? FrontMatterSplitter.split(bytes[...], path: "x"),
           let plain = PlainYAMLReader.read(split.yaml) {
            precondition((try? YAMLDocument.composeWithYams(split.yaml)) == plain, "plain reader differs from Yams")
        }
    }

    /// Markdown to HTML with every `@` link rewritten; raw HTML must never pass.
    public static func markdown(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        let parsed = MarkdownParser(allowsRawHTML: false).parse(text, path: "x", firstLine: 1)
        let links = Dictionary(parsed.links.map { ($0.raw, "/ziel/") }, uniquingKeysWith: { a, _ in a })
        let html = MarkdownRenderer().render(parsed.body, resolvedLinks: links)
        precondition(!html.lowercased().contains("<script"), "a script element got through")
        precondition(!html.contains("href=\"@"), "an @ link was not rewritten")
        // Rendering again gives the same bytes (serve renders trees more than once).
        precondition(MarkdownRenderer().render(parsed.body, resolvedLinks: links) == html, "second render differs")
    }

    /// Layouts: the input, cut at NUL bytes, is up to four templates (`base`, `post`,
    /// `partials/a`, `partials/b`) that may name each other as partials and parents. Compiling
    /// either fails with a positioned error or gives a library every layout of which renders
    /// and ends (no cycle, no missing partial gets through).
    public static func layouts(_ bytes: [UInt8]) {
        let names = ["base", "post", "partials/a", "partials/b"]
        let parts = bytes.split(separator: 0, maxSplits: names.count - 1, omittingEmptySubsequences: false)
        let files = zip(names, parts).map { name, part in SourceFile(path: "layouts/\(name).mustache", bytes: Array(part)) }
        do throws(BuildFailure) {
            let library = try LayoutLibrary.compile(files, folder: "layouts")
            let item: TemplateObject = [.title: "<t>", .items: .objects([[.title: "a"], [.title: "b"]])]
            let context: TemplateObject = [.title: "T", .items: .objects([item, item]), TemplateKey("lead"): true]
            for name in library.names.sorted() { _ = library.render(context, with: name) }
        } catch {
            precondition(error.diagnostics.contains { $0.isError && $0.location.line >= 1 && $0.location.path.hasPrefix("layouts/") },
                         "a layout failure without a positioned error")
        }
    }

    /// Slugs, collation keys and date parsing.
    public static func text(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        let slug = Slug.make(text)
        precondition(slug.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }, "slug \(slug)")
        precondition(!slug.hasPrefix("-") && !slug.hasSuffix("-") && !slug.contains("--"), "slug \(slug)")
        precondition(Slug.make(slug) == slug, "slug not stable")
        _ = GermanCollation.key(text)
        _ = NearestMatch.best(for: text, among: ["konvoi-begleitung", "umsetzungsprojekt", text])
        if let date = DateParser(timeZone: berlin).parse(text) {
            _ = GermanDateFormatter.long(date)
            _ = EventDateFormatter.when(start: date, end: date)
        }
    }

    /// The Atom, iCalendar and JSON-LD writers with the input as every text value: each output
    /// must parse and give the text back, and never gain an element, line or property.
    /// Returns the feed, for the caller to check with an XML parser.
    @discardableResult
    public static func writers(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        let date = Date(timeIntervalSince1970: 1_656_979_200)
        let feed = AtomFeed(id: "https://example.org/", title: text, selfURL: "https://example.org/feed.xml",
                            pageURL: "https://example.org/", language: "de", authorName: text,
                            entries: [AtomEntry(id: "https://example.org/x/", title: text, url: "https://example.org/x/",
                                                updated: date, summary: text, contentHTML: Array(text.utf8), authors: [(text, nil)],
                                                categories: [text])].map { ($0.updated, $0.xml()) })
        let xml = String(decoding: feed.xml(), as: UTF8.self)

        var ics = ICSWriter()
        ics.text("SUMMARY", text)
        let lines = ics.output.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast()
        for line in lines {
            precondition(line.last == UInt8(ascii: "\r"), "a line does not end in CRLF")
            precondition(line.count - 1 <= 75, "a line is longer than 75 octets")
            precondition(String(validating: Array(line), as: UTF8.self) != nil, "a fold split a character")
        }
        // Unfolded as RFC 5545 says, octet by octet (a continuation may start with a combining
        // mark, which Swift's characters would join to the space).
        let unfolded = ICSWriter.unfold(Array(ics.output.utf8))
        precondition(unfolded.count >= 2 && unfolded.suffix(2) == [13, 10], "the line does not end in CRLF")
        precondition(!unfolded.dropLast(2).contains(10) && !unfolded.dropLast(2).contains(13), "the value made an extra calendar line")
        precondition(String(decoding: unfolded.dropLast(2), as: UTF8.self) == "SUMMARY:" + ICSWriter.escape(text), "folding changed the value")

        let script = String(decoding: JSONLD.script(["name": .string(text), "list": [.string(text)]]), as: UTF8.self)
        let json = String(script.dropFirst("<script type=\"application/ld+json\">".count).dropLast("</script>".count))
        precondition(!json.lowercased().contains("</script"), "the value can close the script element")
        let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        precondition(object?["name"] as? String == text, "JSON-LD lost the value")
        return xml
    }
}
