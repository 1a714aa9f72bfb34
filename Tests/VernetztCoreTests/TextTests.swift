import Foundation
import Testing
@testable import VernetztCore
@testable import VernetztEngine
@testable import VernetztModel
@testable import VernetztServe

@Suite struct SlugTests {
    @Test(arguments: [
        ("Über uns", "ueber-uns"),
        ("Größe & Maß", "groesse-mass"),
        ("Digitale Vernetzung & Standardisierung", "digitale-vernetzung-standardisierung"),
        ("  Mehrfach   Leerzeichen -- und Striche ", "mehrfach-leerzeichen-und-striche"),
        ("Café Crème", "cafe-creme"),
        ("ÄÖÜ ß", "aeoeue-ss"),
        ("Mittelstand 4.0", "mittelstand-4-0"),
        ("„Zitat“", "zitat"),
    ])
    func germanSlugs(input: String, expected: String) {
        #expect(Slug.make(input) == expected)
    }

    /// The byte path (ASCII and German letters) must agree with the scalar path everywhere it
    /// answers, and leave everything else to it.
    @Test(arguments: ["Über uns", "ÄÖÜ äöü ß", "Größe–Maß", "a\u{308}rger", "ẞ", "Straße 4.0", "Café", "x—y", "Ü", "",
                      "--", "Öko-Bilanz 2024: Größe & Maß", "Ärger/Ängste", "naïve", "日本"])
    func bytePathAgreesWithScalarPath(input: String) {
        if let fast = Slug.makeOnBytes(input) { #expect(fast == Slug.makeGeneral(input)) }
        #expect(Slug.make(input) == Slug.makeGeneral(input))
    }

    @Test func bytePathTakesGermanText() {
        #expect(Slug.makeOnBytes("Größe & Maß für Übermorgen") == "groesse-mass-fuer-uebermorgen")
        #expect(Slug.makeOnBytes("Café") == nil)
    }
}

@Suite struct GermanCollationTests {
    @Test func umlautsSortWithTheirBaseLetter() {
        let words = ["Zucker", "Öl", "Apfel", "Ähre", "Ofen", "Ast", "über", "Uhr", "Straße", "Strasse"]
        let sorted = words.sorted(by: GermanCollation.precedes)
        #expect(sorted == ["Ähre", "Apfel", "Ast", "Ofen", "Öl", "Strasse", "Straße", "über", "Uhr", "Zucker"])
    }

    /// The byte path must give the scalar path's key wherever it answers.
    @Test(arguments: ["Zucker", "Öl", "Ähre", "Straße", "ÜBER uns", "Café", "naïve", "a\u{308}", "ẞ", "Mittelstand 4.0",
                      "„Zitat“", ""])
    func bytePathAgreesWithScalarPath(text: String) {
        if let fast = GermanCollation.keyOnBytes(text) { #expect(fast == GermanCollation.generalKey(text)) }
        #expect(GermanCollation.key(text) == GermanCollation.generalKey(text))
    }

    @Test func caseIsIgnoredFirst() {
        #expect(GermanCollation.precedes("apfel", "Birne"))
        #expect(!GermanCollation.precedes("Birne", "apfel"))
    }
}

@Suite struct NearestMatchTests {
    @Test func prefixIsTheCommonestSlip() {
        #expect(NearestMatch.best(for: "konvoi", among: ["umsetzungsprojekt", "konvoi-begleitung"]) == "konvoi-begleitung")
    }

    @Test func typosWithinAFewEdits() {
        #expect(NearestMatch.best(for: "titel", among: ["title", "slug", "summary"]) == "title")
        #expect(NearestMatch.best(for: "fraunhofer-ifff", among: ["fraunhofer-iff", "ifak"]) == "fraunhofer-iff")
    }

    @Test func nothingWhenNothingIsClose() {
        #expect(NearestMatch.best(for: "xyz", among: ["umsetzungsprojekt", "konvoi-begleitung"]) == nil)
        #expect(NearestMatch.best(for: "xyz", among: ["abcdefgh"]) == nil)
    }
}

/// People are listed by family name, titles skipped, in German order (issue 18).
@Suite struct PersonNameTests {
    @Test func sortNames() {
        #expect(PersonName.sortName("Prof. Thomas Leich") == "Leich Thomas")
        #expect(PersonName.sortName("Dr. Stefan Voigt") == "Voigt Stefan")
        #expect(PersonName.sortName("Prof. Dr.-Ing. habil. Anna Maria Öztürk") == "Öztürk Anna Maria")
        #expect(PersonName.sortName("Christina Maischak, M.Sc.") == "Maischak Christina")
        #expect(PersonName.sortName("Madonna") == "Madonna")
        #expect(PersonName.sortName("Dr. Med") == "Med")
    }

    @Test func theTeamListIsInFamilyNameOrder() throws {
        let site = try TemporarySite([
            "content/team/a.md": markdown("title: Prof. Thomas Leich"),
            "content/team/b.md": markdown("title: Dr. Stefan Voigt"),
            "content/team/c.md": markdown("title: Susanne Kaufmann"),
            "content/team/d.md": markdown("title: Christina Maischak"),
            "content/team/e.md": markdown("title: Jörg Ärmel"),
        ])
        try site.build()
        let text = PageText.of(try site.read("team/index.html"))
        let order = ["Ärmel", "Kaufmann", "Leich", "Maischak", "Voigt"].map { text.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted(), "\(text)")
    }
}

/// The fast UTF-8 check must accept and refuse exactly what the standard library does, and
/// name the first byte at which no well-formed sequence starts.
@Suite struct UTF8CheckTests {
    static func check(_ bytes: [UInt8]) -> Int? { bytes.withUnsafeBufferPointer(UTF8Check.firstInvalid) }

    static func expectAgrees(_ bytes: [UInt8], _ comment: Comment? = nil) {
        let invalid = check(bytes)
        #expect((invalid == nil) == (String(validating: bytes, as: UTF8.self) != nil), comment)
        guard let invalid else { return }
        #expect(String(validating: bytes[..<invalid], as: UTF8.self) != nil, comment)
        for length in 1...4 where invalid + length <= bytes.count {
            #expect(String(validating: bytes[invalid..<(invalid + length)], as: UTF8.self) == nil, comment)
        }
    }

    /// Every lead byte with every second byte, and the edges of the third and fourth, placed
    /// after ASCII runs of every length up to 17 (the check reads eight bytes at a time).
    @Test func everyShortSequence() {
        let edges: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF]
        for lead in UInt8.min...UInt8.max {
            for second in UInt8.min...UInt8.max {
                for third in edges {
                    Self.expectAgrees([lead, second, third, 0x80])
                }
            }
            for run in 0...17 {
                Self.expectAgrees(Array(repeating: 0x61, count: run) + [lead, 0xA4, 0x80, 0x80] + Array(repeating: 0x62, count: run))
            }
        }
    }

    @Test func randomTextWithFaults() {
        var random = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [Array("Größe ".utf8), Array("abcdefgh".utf8), Array("–€„“ ".utf8), Array("👍🏽".utf8),
                                 [0xC3], [0xE2, 0x82], [0xF0, 0x9F], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0xFF]]
        for _ in 0..<5_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &random) {
                let piece = Int.random(in: 0..<pieces.count, using: &random)
                // Mostly well-formed pieces, so that faults come late as well as early.
                bytes += pieces[Int.random(in: 0..<10, using: &random) < 9 ? piece % 4 : piece]
            }
            Self.expectAgrees(bytes, "\(bytes)")
        }
    }
}

/// Decomposed text („u“ and a combining diaeresis, as macOS file names and text copied from
/// PDFs have it) is read as composed (NFC), so that it gives the slugs, ids and tags its
/// composed twin gives.
@Suite struct UnicodeCompositionTests {
    static func flagged(_ text: String) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer(UTF8Check.check).mayNeedComposing
    }

    @Test func germanTextIsNotFlaggedAndDecomposedTextIs() {
        #expect(!Self.flagged("Größe & Maß: „Zitat“ – 5 € … Übermorgen ÄÖÜ?"))
        #expect(!Self.flagged("Café naïve ÿ \u{2002}\u{2011}\u{20AC}"))
        for decomposed in ["Gro\u{308}ße", "U\u{308}bung", "\u{212B}", "\u{2000}", "\u{2126}", "e\u{301}"] {
            #expect(Self.flagged(decomposed), "\(decomposed.unicodeScalars.map(\.value))")
        }
    }

    /// What the check lets through unchanged must be composed already: every character it
    /// does not flag is, alone and beside every other such character (composition joins a
    /// character only with the one before it when no combining mark stands between them).
    @Test func whatIsNotFlaggedIsComposedAlready() {
        let unflagged = (0..<0x2100).compactMap(Unicode.Scalar.init).filter { !Self.flagged(String($0)) }
        #expect(unflagged.count == 0x300 + (0x20C0 - 0x2002))
        for first in unflagged {
            var text = String.UnicodeScalarView()
            for second in unflagged { text.append(first); text.append(second) }
            let string = String(text)
            #expect(!Self.flagged(string))
            #expect(Array(string.precomposedStringWithCanonicalMapping.utf8) == Array(string.utf8),
                    "U+\(String(first.value, radix: 16))")
        }
    }

    @Test func decodingComposes() throws {
        let decomposed = Array("---\r\ntitle: U\u{308}bung\r\n---\r\nGro\u{308}ße \u{212B}\r\n".utf8)
        let decoded = try TextDecoding.decodeBytes(decomposed, path: "x.md")
        #expect(Array(decoded) == Array("---\ntitle: Übung\n---\nGröße Å\n".utf8))
        let composed = Array("Größe „Zitat“ – 5 €\n".utf8)
        #expect(Array(try TextDecoding.decodeBytes(composed, path: "x.md")) == composed)
    }

    @Test func slugsOfDecomposedText() {
        #expect(Slug.make("mu\u{308}ller") == "mueller")
        #expect(Slug.make("Gro\u{308}ße Fu\u{308}ße") == "groesse-fuesse")
    }

    @Test func aDecomposedPostIsTheSameAsAComposedOne() throws {
        let site = try TemporarySite([
            "content/blog/zerlegt.md": markdown("title: \"Gro\u{308}ße\"\ndate: 2022-02-01\ntags: [U\u{308}bung]",
                                                "## Gro\u{308}ße Fu\u{308}ße\n\n[Oben](#groesse-fuesse)\n"),
            "content/blog/fertig.md": markdown("title: Fertig\ndate: 2022-02-02\ntags: [Übung]"),
            "content/blog/mu\u{308}ller.md": markdown("title: Müller\ndate: 2022-02-03"),
        ])
        #expect(site.errors(in: .german) == [
            "content/blog/müller.md:1:1: Fehler: Der Dateiname „müller“ ist keine Kennung (a–z, 0–9 und „-“), "
                + "über die andere Einträge ihn finden: benennen Sie die Datei in „mueller.md“ um",
        ])
        try site.remove("content/blog/mu\u{308}ller.md")
        try site.build()
        let page = try site.read("blog/zerlegt/index.html")
        #expect(page.contains("<h2 id=\"groesse-fuesse\">"))
        #expect(page.contains("<h1>Größe</h1>"))
        #expect(!page.unicodeScalars.contains("\u{308}"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.output.appendingPathComponent("schlagwoerter").path)
            .filter { !$0.hasSuffix(".html") } == ["uebung"])
        #expect(HTMLPage(html: try site.read("schlagwoerter/uebung/index.html")).links.filter { $0.hasPrefix("/blog/") }.count == 2)
    }

    /// A file beside a page or in static/ whose name is decomposed on disk (as macOS writes
    /// it) is published under the composed name, as the links to it are written: a web server
    /// compares bytes, and the link `Pr%C3%A4sentation.pdf` found no file `Pra\u{308}sentation.pdf`.
    @Test func aDecomposedFileNameIsPublishedComposed() throws {
        let site = try TemporarySite([
            "content/blog/b/index.md": markdown("title: B\ndate: 2022-02-01", "[Folien](Präsentation.pdf) und [Plan](/Lagepla\u{308}ne/Übersicht.txt)\n"),
            "content/blog/b/Pra\u{308}sentation.pdf": "%PDF-1.4\n",
            "static/Lagepla\u{308}ne/U\u{308}bersicht.txt": "Plan\n",
        ])
        try site.build()
        let names = { (folder: String) in
            try FileManager.default.contentsOfDirectory(atPath: site.output.appendingPathComponent(folder).path).map { Array($0.utf8) }
        }
        #expect(try names("blog/b").contains(Array("Präsentation.pdf".utf8)))
        #expect(try !names("blog/b").contains(Array("Pra\u{308}sentation.pdf".utf8)))
        #expect(try names("").contains(Array("Lagepläne".utf8)))
        #expect(try names("Lagepläne").contains(Array("Übersicht.txt".utf8)))
        #expect(HTMLPage(html: try site.read("blog/b/index.html")).links.contains("Pr%C3%A4sentation.pdf"))
    }

    /// The same name stored composed and decomposed: two files on disk, one address on the web.
    /// The message says why two names that look the same collide.
    @Test func twinNamesAreToldApart() throws {
        let twin = "the two names look the same but are stored differently"
        let bundle = [
            "content/blog/b/index.md": markdown("title: B\ndate: 2022-02-01", "[Folien](Präsentation.pdf)\n"),
            "content/blog/b/Präsentation.pdf": "%PDF-1.4\n",
        ]
        let twins = try TemporarySite(bundle)
        try twins.write("content/blog/b/Pra\u{308}sentation.pdf", "%PDF-1.5\n")
        #expect(twins.errors().count == 1)
        #expect(twins.errors().allSatisfy { $0.contains("output file '/blog/b/Präsentation.pdf' is also written by content/blog/b/Pr") && $0.contains(twin) })
        // A file of static/ in a bundle file's place is another file: nothing about umlauts.
        let other = try TemporarySite(bundle.merging(["static/blog/b/Präsentation.pdf": "%PDF-1.6\n"]) { $1 })
        #expect(other.errors() == ["content/blog/b/Präsentation.pdf:1:1: error: output file '/blog/b/Präsentation.pdf' is also written by static/blog/b/Präsentation.pdf"])
    }
}

@Suite struct FirstSortedTests {
    /// Against a stable sort's prefix, with many equal keys (their order must stay).
    @Test func theFirstOfAStableSort() {
        var random = SplitMix(state: 7)
        for _ in 0..<300 {
            let items = (0..<Int(random.next() % 60)).map { n in (key: Int(random.next() % 9), n: n) }
            let count = Int(random.next() % 25)
            let expected = items.enumerated().sorted { a, b in (a.element.key, a.offset) < (b.element.key, b.offset) }.prefix(count).map(\.element.n)
            #expect(items.firstSorted(count, by: { $0.key < $1.key }).map(\.n) == expected)
        }
    }
}

@Suite struct QuotedStringTests {
    /// Against a scalar-by-scalar reference: the named escapes, `\uXXXX` for other controls and
    /// for what the caller names, everything else as it is.
    @Test func escapesWhatTheCallerNamesAndNothingElse() {
        let named: Set<UInt32> = [0x3C, 0x26, 0x7F, 0x85, 0x2028, 0xFFFF]
        let quoting = QuotedString { named.contains($0.value) }
        func reference(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if scalar.value < 0x20 || named.contains(scalar.value) {
                        let digits = String(scalar.value, radix: 16)
                        out += "\\u" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            return out + "\""
        }
        let pieces: [String] = ["a", "Zß", "\"", "\\", "\n", "\r", "\t", "\u{1}", "\u{1F}", "<", ">", "&", "\u{7F}", "\u{85}",
                                "\u{9F}", "ä", "\u{2028}", "\u{2029}", "€", "\u{FFFF}", "🙂", " ", "x y"]
        var random = SplitMix(state: 11)
        for _ in 0..<2_000 {
            let text = (0..<Int(random.next() % 12)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            #expect(quoting.quoted(text) == reference(text), "\(text.debugDescription)")
        }
    }
}
