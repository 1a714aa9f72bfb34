import Foundation
import Testing
@testable import VernetztCore
@testable import VernetztEngine
@testable import VernetztModel
@testable import VernetztServe

/// The plain front-matter reader against Yams: where it reads a text at all, it must read
/// exactly what Yams reads, positions included; everything else it must leave to Yams.
@Suite struct YAMLReaderTests {
    /// The reader's value, checked against Yams' for the same text.
    func readBoth(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> YAMLValue? {
        let plain = PlainYAMLReader.read(Substring(yaml))
        if let plain {
            let yams = try YAMLDocument.composeWithYams(Substring(yaml))
            #expect(plain == yams, "\(yaml)", sourceLocation: sourceLocation)
        }
        return plain
    }

    @Test func readsTheShapesOfEverydayFrontMatter() throws {
        let samples = [
            "title: \"Gespräch Größe Planung\"\ndate: 2016-02-02\nauthors: [peter-weiss]\ntags: [\"Lager\", \"Logistik\"]\n",
            "title: Mein Beitrag\nformats:\n  - konvoi-begleitung\n  - sprechstunde\nsummary: 'It''s done'\n",
            "tags:\n- a\n- \"b c\"\n- 'd'\nnext: x\n",
            "title: Ölmühle über Äcker – „Zitat“ 😀\nsummary: [Ä, 'ß', \"ü\", x y]\n",
            "# a comment\n\ntitle: x   \n\ndraft: true\nweight: 3\nempty: []\nurl: https://example.org/a#b\n",
            "list: [ a , b ]\ntext: C# and F#\nquote: \"a 'b' c\"\nsingle: 'a \"b\" c'\n",
            "tags:\n  - a\n\n# between\n  - b\n",
            "title: x\nsummary:\nthemes:   \ndraft: false\n",
        ]
        for sample in samples {
            #expect(try readBoth(sample) != nil, "\(sample)")
        }
    }

    @Test func givesPositionsInUnicodeScalars() throws {
        let value = try #require(try readBoth("title: Äö\ntags: [Ü, 'ä', x]\n"))
        guard case .keys(let entries, _) = value, case .list(let items, let at) = entries[1].value else {
            Issue.record("expected keys with a list")
            return
        }
        #expect(at == YAMLPosition(line: 2, column: 7))
        #expect(items.map(\.position.column) == [8, 11, 16])
    }

    @Test func leavesEverythingElseToYams() throws {
        let samples = [
            "title: a: b\n",                    // a mapping inside text
            "title: a #comment\n",              // comment after a value
            "title: \"a\\nb\"\n",               // escapes
            "title: \"open\n  close\"\n",       // quoted text over two lines
            "title: first\n  second\n",         // plain text over two lines
            "location:\n  city: Magdeburg\n",   // nested keys
            "summary: |\n  block\n",            // block text
            "title: >\n  folded\n",
            "title: x\ntitle: y\n",             // a key twice: Yams reports it
            "title:\tx\n",                      // a tab
            "tags: [a, [b]]\n",                 // nested lists
            "tags: [a,\n  b]\n",                // a list over two lines
            "tags: [a, b,]\n",
            "tags: [a:b]\n",
            "tags: {a: b}\n",
            "\"title\": x\n",                   // quoted keys
            "title : x\n",
            "- a\n- b\n",                       // not keys and values
            "title: !tag x\n",
            "title: @x\n",
            "title: -x\n",
            "title: x:\n",
            "tags:\n  - a\n - b\n",             // uneven list
            "tags:\n  -\n",                     // an empty item
            "tags:\n  - a\n  # indented comment\n  - b\n",
            "title: x\n  - a\n",                // an item under a key with a value
            "title: a\u{85}b\n",                // NEL is a line break to YAML
            "title: a\u{2028}b\n",
            "",
            "# only a comment\n",
        ]
        for sample in samples {
            #expect(PlainYAMLReader.read(Substring(sample)) == nil, "\(sample)")
        }
    }

    @Test func agreesWithYamsOnTheRepositorysContent() throws {
        let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../content").standardizedFileURL
        let files = try #require(FileManager.default.enumerator(atPath: content.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".md") }
        #expect(files.count > 20)
        var readPlainly = 0
        for file in files {
            let text = try String(contentsOf: content.appendingPathComponent(file), encoding: .utf8)
            guard let split = try? FrontMatterSplitter.split(Array(text.utf8)[...], path: file) else { continue }
            if try readBoth(String(split.yaml)) != nil { readPlainly += 1 }
        }
        // Most files have the plain shapes; the reader is what makes their parse quick.
        #expect(readPlainly * 2 > files.count)
    }

    @Test func errorsKeepTheirPositionsOnBothPaths() {
        let parser = DocumentParser(dates: DateParser(timeZone: TimeZone(identifier: "Europe/Berlin")!), allowsRawHTML: false)
        func errors(_ yaml: String) -> [String] {
            parser.parse(SourceFile(path: "content/blog/x.md", text: "---\n\(yaml)---\nText\n"))
                .diagnostics.filter(\.isError).map(\.description)
        }
        // Plain reader: a list where text belongs, and an unknown key.
        #expect(errors("title: [a]\ndate: 2022-01-01\ntitel: x\n") == [
            "content/blog/x.md:2:8: error: 'title' must be text, found a list",
            "content/blog/x.md:4:1: error: unknown key 'titel' (did you mean 'title'?)",
        ])
        // The same through Yams (a comment after a value sends the file there).
        #expect(errors("title: [a] # c\ndate: 2022-01-01\ntitel: x\n") == [
            "content/blog/x.md:2:8: error: 'title' must be text, found a list",
            "content/blog/x.md:4:1: error: unknown key 'titel' (did you mean 'title'?)",
        ])
    }
}
