import Foundation
import Testing
@testable import VernetztCore
@testable import VernetztEngine
@testable import VernetztModel
@testable import VernetztServe

/// The parse stage on single files, in memory: positions of every error class.
@Suite struct ParseTests {
    let parser = DocumentParser(dates: DateParser(timeZone: TimeZone(identifier: "Europe/Berlin")!),
                                allowsRawHTML: false)

    func parse(_ path: String, _ text: String) -> DocumentParser.Outcome {
        parser.parse(SourceFile(path: path, text: text))
    }

    func errors(_ path: String, _ text: String) -> [String] {
        parse(path, text).diagnostics.filter(\.isError).map(\.description)
    }

    @Test func idKindAndFieldsOfAPost() throws {
        let outcome = parse("content/blog/mein-beitrag.md", markdown("""
            title: "Mein Beitrag: Teil 1"
            date: 2022-07-05
            authors: [christina-maischak]
            formats:
              - konvoi-begleitung
            tags: [Wirkung]
            """))
        let document = try #require(outcome.document)
        #expect(document.id == "mein-beitrag")
        #expect(document.kind.name == "post")
        #expect(document.common.title == "Mein Beitrag: Teil 1")
        let kind = document.kind
        #expect(document.fields.references(kind.field(named: "authors")).map(\.id) == ["christina-maischak"])
        #expect(document.fields.references(kind.field(named: "formats")).first?.location
                == SourceLocation(path: "content/blog/mein-beitrag.md", line: 6, column: 5))
        #expect(document.fields.texts(kind.tagsField) == ["Wirkung"])
        #expect(document.references.map(\.field?.name) == ["authors", "formats"])
    }

    /// A picture needs its description; `image_alt: ""` says it only decorates.
    @Test func aPictureWithoutAltTextIsAnError() {
        #expect(errors("content/blog/x.md", markdown("title: X\ndate: 2022-07-05\nimage: bild.jpg"))
                == [#"content/blog/x.md:4:1: error: image without alt text: add 'image_alt' describing it (image_alt: "" marks a picture that only decorates)"#])
        #expect(errors("content/blog/x.md", markdown("title: X\ndate: 2022-07-05\nimage: bild.jpg\nimage_alt: \"\"")).isEmpty)
    }

    @Test func bundleIndexTakesTheFolderName() throws {
        let outcome = parse("content/praxisbeispiele/leuchtturm/index.md",
                            markdown("title: L\ndate: 2022-01-01\nformats: [umsetzungsprojekt]"))
        let document = try #require(outcome.document)
        #expect(document.id == "leuchtturm")
        #expect(document.bundleFolder == "content/praxisbeispiele/leuchtturm")
    }

    @Test func unknownKeyNamesLineColumnAndNearestKey() {
        #expect(errors("content/blog/x.md", markdown("title: X\ndate: 2022-01-01\nauthor: [a]")) ==
                ["content/blog/x.md:4:1: error: unknown key 'author' (did you mean 'authors'?)"])
    }

    @Test func missingRequiredKey() {
        #expect(errors("content/blog/x.md", markdown("title: X")) ==
                ["content/blog/x.md:1:1: error: missing required key 'date'"])
    }

    @Test func wrongTypes() {
        #expect(errors("content/partner/p.md", markdown("title: [a, b]\nlead: ja")) == [
            "content/partner/p.md:2:8: error: 'title' must be text, found a list",
            "content/partner/p.md:3:7: error: 'lead' must be true or false",
        ])
        #expect(errors("content/angebote/f.md", markdown("title: F\norder: erstens")) ==
                ["content/angebote/f.md:3:8: error: 'order' must be a whole number"])
    }

    @Test func invalidDateWithHint() {
        #expect(errors("content/blog/x.md", markdown("title: X\ndate: 2022/07/05")) ==
                ["content/blog/x.md:3:7: error: invalid date '2022/07/05' for 'date': dates look like 2022-07-05 or 2022-07-05T14:00 (or 2022-07, 2022 when only that is known)"])
    }

    /// Day, month and year as German editors write them: the message gives the same date as
    /// it is written here; a day that does not exist gets the general hint.
    @Test func aGermanDateIsToldInTheOrderWrittenHere() {
        #expect(errors("content/blog/x.md", markdown("title: X\ndate: 05.07.2022")) ==
                ["content/blog/x.md:3:7: error: invalid date '05.07.2022' for 'date': dates are written year-month-day here: write 2022-07-05"])
        #expect(errors("content/blog/x.md", markdown("title: X\ndate: 5.7.2022 9:30")) ==
                ["content/blog/x.md:3:7: error: invalid date '5.7.2022 9:30' for 'date': dates are written year-month-day here: write 2022-07-05T09:30"])
        #expect(errors("content/blog/x.md", markdown("title: X\ndate: \"31.12.2024, 14:00 Uhr\"")) ==
                ["content/blog/x.md:3:7: error: invalid date '31.12.2024, 14:00 Uhr' for 'date': dates are written year-month-day here: write 2024-12-31T14:00"])
        for nothing in ["", " ", "Uhr", " Uhr", ", ", "1.2.", "..2024", "1.2.2024 14"] { #expect(DateParser.isoForm(ofGerman: nothing) == nil, "\(nothing)") }
        #expect(errors("content/blog/x.md", markdown("title: X\ndate: 31.2.2024"))
                    .first?.hasSuffix("'31.2.2024' for 'date': dates look like 2022-07-05 or 2022-07-05T14:00 (or 2022-07, 2022 when only that is known)") == true)
    }

    /// A key twice is found however many keys there are (past a few dozen they are hashed).
    @Test func aKeyTwiceAmongManyIsFound() {
        let keys = (0..<40).map { "k\($0): v" }.joined(separator: "\n")
        let found = errors("content/blog/x.md", markdown("title: X\ndate: 2022-01-01\n\(keys)\nk3: w"))
        #expect(found == ["content/blog/x.md:7:1: error: duplicate key 'k3': each key may appear once"])
        #expect(errors("content/blog/x.md", markdown("title: X\ndate: 2022-01-01\n\(keys)\nk40: w")).allSatisfy { !$0.contains("duplicate") })
    }

    @Test func malformedYAMLPointsIntoTheFile() {
        let found = errors("content/blog/x.md", markdown("title: Teil 1: Anfang\ndate: 2022-01-01"))
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("content/blog/x.md:2:14: error: invalid YAML: mapping values are not allowed") == true)
        #expect(found.first?.contains("quote the text") == true)
    }

    @Test func duplicateKeys() {
        let found = errors("content/partner/p.md", markdown("title: A\ntitle: B"))
        #expect(found == ["content/partner/p.md:2:1: error: duplicate key 'title': each key may appear once"])
    }

    @Test func notUTF8NamesTheByte() {
        var bytes = Array("---\ntitle: Gr".utf8)
        bytes.append(0xF6)  // Latin-1 ö
        bytes += Array("ße\n---\n".utf8)
        let outcome = parser.parse(SourceFile(path: "content/partner/p.md", bytes: bytes))
        #expect(outcome.diagnostics.map(\.description) ==
                ["content/partner/p.md:2:10: error: the file is not UTF-8 text: save it as UTF-8"])
    }

    @Test func byteOrderMarkAndCRLFAreAccepted() throws {
        let text = "\u{FEFF}---\r\ntitle: Windows\r\ndate: 2022-01-01\r\nformat: [x]\r\n---\r\n\r\nText\r\n"
        let outcome = parse("content/blog/w.md", text)
        #expect(outcome.diagnostics.map(\.description) ==
                ["content/blog/w.md:4:1: error: unknown key 'format' (did you mean 'formats'?)"])
    }

    @Test func frontMatterMissingOrUnclosed() {
        #expect(errors("content/blog/x.md", "Nur Text\n") ==
                ["content/blog/x.md:1:1: error: missing front matter: the file must start with a line '---'"])
        #expect(errors("content/blog/x.md", "---\ntitle: X\n") ==
                ["content/blog/x.md:1:1: error: front matter is never closed: add a line '---' after it"])
    }

    @Test func unknownFolderAndDeepPaths() {
        #expect(errors("content/angebot/x.md", markdown("title: X")).first?
            .hasPrefix("content/angebot/x.md:1:1: error: unknown content folder 'angebot' (did you mean 'angebote'?)") == true)
        #expect(errors("content/blog/2022/x.md", markdown("title: X")).count == 1)
    }

    @Test func categoryMustBeOneOfThree() {
        #expect(errors("content/angebote/f.md", markdown("title: F\ncategory: erlebn")) ==
                ["content/angebote/f.md:3:11: error: 'category' must be one of 'informieren', 'erleben', 'qualifizieren', not 'erlebn' (did you mean 'erleben'?)"])
    }

    @Test func unsafeURLsAreRefused() {
        #expect(errors("content/partner/p.md", markdown("title: P\nwebsite: javascript:alert(1)")) ==
                ["content/partner/p.md:3:10: error: 'website' must be a web address starting with https:// or http://"])
    }

    @Test func nestedLocationReportsItsOwnUnknownKeys() {
        #expect(errors("content/veranstaltungen/e.md", markdown("title: E\nstart: 2022-07-05\nlocation:\n  name: Festung Mark\n  adress: X")) ==
                ["content/veranstaltungen/e.md:6:3: error: unknown key 'adress' (did you mean 'address'?)"])
    }

    @Test func eventEndBeforeStart() {
        #expect(errors("content/veranstaltungen/e.md", markdown("title: E\nstart: 2022-07-05\nend: 2022-07-04")) ==
                ["content/veranstaltungen/e.md:4:1: error: 'end' lies before 'start'"])
    }

    @Test func caseStudyNeedsAFormat() {
        #expect(errors("content/praxisbeispiele/c.md", markdown("title: C\ndate: 2022-01-01")) ==
                ["content/praxisbeispiele/c.md:1:1: error: a case study needs at least one entry in 'formats'"])
    }

    @Test func invalidSlug() {
        #expect(errors("content/seiten/s.md", markdown("title: S\nslug: Über Uns")) ==
                ["content/seiten/s.md:3:1: error: 'slug' may hold only a–z, 0–9 and '-' (try 'ueber-uns')"])
    }

    @Test func atLinksAreCollectedWithTheirPosition() throws {
        let document = try #require(parse("content/seiten/s.md", markdown("title: S", "Erst\nein [Link](@angebote/konvoi-begleitung#ablauf).\n")).document)
        #expect(document.links == [MarkdownLink(raw: "@angebote/konvoi-begleitung#ablauf",
                                                location: SourceLocation(path: "content/seiten/s.md", line: 6, column: 5))])
    }

    @Test func imageWithoutAltIsAWarning() {
        let outcome = parse("content/seiten/s.md", markdown("title: S", "![](bild.png)\n"))
        #expect(outcome.document != nil)
        #expect(outcome.diagnostics.map(\.description) ==
                ["content/seiten/s.md:5:1: warning: image without alt text: describe it as ![what it shows](…)"])
    }
}

/// The front matter is found line by line on the bytes: `---` (spaces after it allowed), closed
/// by `---` or YAML's `...`; the body is the rest, untouched.
@Suite struct FrontMatterSplitterTests {
    /// The splitter takes the file's checked bytes; the body comes back as text for comparing.
    static func split(_ text: String) throws(Diagnostic) -> (yaml: Substring, body: String, yamlFirstLine: Int, bodyFirstLine: Int) {
        let split = try FrontMatterSplitter.split(Array(text.utf8)[...], path: "x.md")
        return (split.yaml, String(decoding: split.body, as: UTF8.self), split.yamlFirstLine, split.bodyFirstLine)
    }

    @Test func theFrontMatterAndTheBodyAreWhereTheLinesSay() throws {
        let split = try Self.split("--- \ntitle: Ä\nx: 1\n---\t\n\nText „ü“ — ---\n")
        #expect(split.yaml == "title: Ä\nx: 1\n" && split.body == "\nText „ü“ — ---\n")
        #expect(split.yamlFirstLine == 2 && split.bodyFirstLine == 5)
        let dots = try Self.split("---\ntitle: X\n...\nText")
        #expect(dots.yaml == "title: X\n" && dots.body == "Text" && dots.bodyFirstLine == 4)
        let bare = try Self.split("---\n---")
        #expect(bare.yaml == "" && bare.body == "")
    }

    @Test func aMissingOrUnclosedFrontMatterIsNamed() {
        for (text, id) in [("", "vorspann-fehlt"), ("title: X\n---\n", "vorspann-fehlt"), ("...\ntitle: X\n...\n", "vorspann-fehlt"),
                           ("----\ntitle: X\n---\n", "vorspann-fehlt"), ("---", "vorspann-offen"), ("---\ntitle: X\n-- -\n", "vorspann-offen")] {
            do {
                _ = try Self.split(text)
                Issue.record("\(text.debugDescription) was split")
            } catch {
                #expect(error.text.id == id, "\(text.debugDescription): \(error.text.id)")
            }
        }
    }
}
