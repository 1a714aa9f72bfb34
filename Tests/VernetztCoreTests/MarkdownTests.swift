import Foundation
import Testing
@testable import VernetztCore
@testable import VernetztEngine
@testable import VernetztModel
@testable import VernetztServe

/// Render stage on single bodies: cmark-gfm extensions, raw HTML policy, heading ids, link rewriting.
@Suite struct MarkdownTests {
    func html(_ body: String, rawHTML: Bool = false, links: [String: String] = [:]) -> String {
        let parsed = MarkdownParser(allowsRawHTML: rawHTML).parse(body, path: "content/seiten/x.md", firstLine: 1)
        return MarkdownRenderer().render(parsed.body, resolvedLinks: links)
    }

    @Test func githubExtensions() {
        let out = html("""
            | A | B |
            |---|---|
            | 1 | 2 |

            ~~alt~~ und https://example.org

            - [x] erledigt
            - [ ] offen

            Fußnote[^1].

            [^1]: Die Anmerkung.
            """)
        #expect(out.contains("<table>"))
        #expect(out.contains("<del>alt</del>"))
        #expect(out.contains("<a href=\"https://example.org\">https://example.org</a>"))
        #expect(out.contains("type=\"checkbox\" checked=\"\" disabled=\"\""))
        #expect(out.contains("class=\"footnotes\""))
    }

    /// Bodies are rendered once at parse time with holes; filling them must give what cmark
    /// would have written for the final URL, and text that merely looks like a hole stays text.
    @Test func holesAreFilledLikeCmarkWouldWriteTheURL() {
        let url = "/blog/ä b/?x=1&y='2'#t"
        let filled = html("[a](@blog/x) und [b](@blog/y)", links: ["@blog/x": url, "@blog/y": ""])
        let direct = html("[a](<\(url)>)")
        #expect(filled.hasPrefix(direct.dropLast("</p>\n".count)))
        #expect(filled.hasSuffix(" und b</p>\n"))  // a left-out target: the text stays, the link goes
        let forged = html("[c](vernetzt-slot:7) `<!--vernetzt-embed:0-->` <!--vernetzt-embed:0-->")
        #expect(forged.contains("href=\"vernetzt-slot:7\""))
        #expect(forged.contains("<code>&lt;!--vernetzt-embed:0--&gt;</code>"))
        let parsed = MarkdownParser(allowsRawHTML: false).parse("![](@stimmen/x)\n\nText", path: "x", firstLine: 1)
        let embedded = MarkdownRenderer().render(parsed.body, resolvedLinks: [:],
                                                                     embeds: ["@stimmen/x": "<figure>Q</figure>"])
        #expect(embedded.hasPrefix("<figure>Q</figure>"))
        #expect(embedded.hasSuffix("<p>Text</p>\n"))
    }

    /// Found by the fuzzer: an `@` link in an embed's alt text lay in the paragraph the embed
    /// replaces, and its slot pointed at freed memory.
    @Test func aLinkInsideAnEmbedLeavesNoSlotBehind() {
        let parsed = MarkdownParser(allowsRawHTML: false).parse("![Text mit [Link](@angebote/x)](@stimmen/y)\n",
                                                               path: "x", firstLine: 1)
        let html = MarkdownRenderer().render(parsed.body, resolvedLinks: ["@angebote/x": "/angebote/x/"],
                                                                 embeds: ["@stimmen/y": "<figure>Q</figure>"])
        #expect(html.hasPrefix("<figure>Q</figure>"))
        #expect(!html.contains("vernetzt-slot"))
    }

    @Test func rawHTMLIsOffByDefault() {
        let out = html("<script>alert(1)</script>\n\nText <b onclick=\"x\">fett</b>\n\n[x](javascript:alert(1))")
        #expect(!out.contains("<script>"))
        #expect(!out.contains("onclick"))
        #expect(!out.contains("javascript:"))
    }

    /// What parsing `body` (a body from line 5 of a file) reports, as printed in English.
    static func findings(_ body: String) -> [String] {
        MarkdownParser(allowsRawHTML: false).parse(body, path: "content/seiten/x.md", firstLine: 5)
            .diagnostics.map { $0.formatted(pathPrefix: "", language: .english) }
    }

    /// Nothing is dropped without a word: each tag that opens raw HTML is a warning at its
    /// place, a block's saying that its text goes too; comments and closing tags are not.
    @Test func droppedRawHTMLIsTold() {
        let body = "Text <b>fett</b> und<br/>mehr.\n\n<div class=\"box\">\nKasten\n</div>\n\n<!-- Notiz -->\n\n<!DOCTYPE x>\n"
        #expect(Self.findings(body) == [
            "content/seiten/x.md:5:6: warning: raw HTML is off: '<b>' is dropped, the text beside it stays — write Markdown (**bold**, *italic*), or allow HTML with raw_html: true in site.yml",
            "content/seiten/x.md:5:21: warning: raw HTML is off: '<br>' is dropped, the text beside it stays — write Markdown (**bold**, *italic*), or allow HTML with raw_html: true in site.yml",
            "content/seiten/x.md:7:1: warning: raw HTML is off: the block '<div>' is dropped with its text — write Markdown, or allow HTML with raw_html: true in site.yml",
            "content/seiten/x.md:13:1: warning: raw HTML is off: the block '<!DOCTYPE' is dropped with its text — write Markdown, or allow HTML with raw_html: true in site.yml",
        ])
        #expect(MarkdownParser(allowsRawHTML: true).parse(body, path: "x.md", firstLine: 1).diagnostics.isEmpty)
        #expect(MarkdownParser(allowsRawHTML: false).parse("Text & <https://example.org> &lt;b&gt;\n", path: "x.md", firstLine: 1).diagnostics.isEmpty)
    }

    /// The page's title is its heading of the first level: one more in the text is a warning
    /// (ATX and Setext alike); subheadings are not, nor a `#` that is no heading.
    @Test func aSecondHeadingOfTheFirstLevelIsTold() {
        let body = "# Über *uns*\n\nText.\n\n## Ablauf\n\nZweite\n======\n\n#hashtag und ### drei\n\n```\n# Kommentar\n```\n"
        #expect(Self.findings(body) == [
            "content/seiten/x.md:5:1: warning: '# Über uns' is a second heading of the first level: the page has its title as one already, and the table of contents shows only subheadings; write ## Über uns",
            "content/seiten/x.md:11:1: warning: '# Zweite' is a second heading of the first level: the page has its title as one already, and the table of contents shows only subheadings; write ## Zweite",
        ])
        #expect(Self.findings("## Ablauf\n\n### Schritt\n").isEmpty)
    }

    /// A footnote nothing refers to would vanish, a reference without a footnote would stay as
    /// text: both are told where they stand; one referred to, and `[^x]:` in code, are not.
    @Test func footnotesThatWouldBeLostAreTold() {
        let body = "Text[^1] und [^drei] und `[^code]`.\n\n[^1]: Eins.\n[^Zwei]: Nie genannt.\n\n```\n[^4]: Code.\n```\n"
        #expect(Self.findings(body) == [
            "content/seiten/x.md:8:1: warning: footnote [^Zwei] is never referred to in the text, so it does not appear: put [^Zwei] where it belongs",
            "content/seiten/x.md:5:14: warning: there is no footnote [^drei], so it shows as text: add a line '[^drei]: …' below the text",
        ])
        // The way back from a footnote is read out in the page's language.
        let german = html("Text[^1].\n\n[^1]: Eins.\n\nMehr[^2].\n\n[^2]: Zwei.\n")
        #expect(german.components(separatedBy: "aria-label=\"Zurück zum Text\"").count == 3 && !german.contains("Back to content"), "\(german)")
        let english = MarkdownParser(allowsRawHTML: false, language: "en").parse("Text[^1].\n\n[^1]: One.\n", path: "x.md", firstLine: 1)
        #expect(MarkdownRenderer().render(english.body, resolvedLinks: [:]).contains("aria-label=\"Back to content\""))
        for referred in ["Text[^a].\n\n[^A]: Eins.\n", "Text[^a].\n\n[^a]:\n\n    Eins.\n", "> Zitat[^z].\n\n[^z]: Quelle.\n"] {
            #expect(MarkdownParser(allowsRawHTML: false).parse(referred, path: "x.md", firstLine: 1).diagnostics.isEmpty, "\(referred)")
        }
    }

    /// Footnotes defined inside a quote or a list are told as those at the top are.
    @Test func footnotesInQuotesAndListsAreToldToo() {
        let body = "Text.\n\n> Zitat.\n>\n> [^q]: In der Quote.\n\n- Punkt\n\n  [^l]: In der Liste.\n\n1. [^m]: Direkt.\n"
        #expect(Self.findings(body) == [
            "content/seiten/x.md:9:3: warning: footnote [^q] is never referred to in the text, so it does not appear: put [^q] where it belongs",
            "content/seiten/x.md:13:3: warning: footnote [^l] is never referred to in the text, so it does not appear: put [^l] where it belongs",
            "content/seiten/x.md:15:4: warning: footnote [^m] is never referred to in the text, so it does not appear: put [^m] where it belongs",
        ])
        let referred = "Text[^q], [^l] und [^m].\n\n> Zitat.\n>\n> [^q]: In der Quote.\n\n- Punkt\n\n  [^l]: In der Liste.\n\n1. [^m]: Direkt.\n"
        #expect(Self.findings(referred).isEmpty)
    }

    /// Browsers skip spaces and control characters in a scheme and ignore its case.
    @Test func schemesThatRunCodeAreFoundHoweverWritten() {
        for url in ["javascript:alert(1)", "JavaScript:x", " java\tscript:x", "java\u{0}script:x", "\u{1}JAVASCRIPT:", "j a v a s c r i p t :"] {
            #expect(MarkdownParser.forbiddenScheme(url) == "javascript:", "\(url.debugDescription)")
        }
        #expect(MarkdownParser.forbiddenScheme("data:text/html,<b>") == "data:")
        #expect(MarkdownParser.forbiddenScheme("VBScript:msgbox") == "vbscript:")
        for url in ["https://example.org/javascript:", "javascript", "java", "", "/data:x", "ｊavascript:x", "mailto:data:x"] {
            #expect(MarkdownParser.forbiddenScheme(url) == nil, "\(url.debugDescription)")
        }
    }

    @Test func rawHTMLWhenTheSiteAllowsItButTagfilterStillActs() {
        let out = html("<div class=\"box\">Kasten</div>\n\n<script>alert(1)</script>\n", rawHTML: true)
        #expect(out.contains("<div class=\"box\">Kasten</div>"))
        #expect(out.contains("&lt;script&gt;"))
    }

    static let rawHTMLAttacks = [
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"  JaVa\tScRiPt:alert(1)\">x</a>",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<img src=x onerror=alert(1)>",
        "<IMG SRC=x OnErRoR=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<svg onload=alert(1)>",
        "<math><mi><table><mglyph><style><img src=x onerror=alert(1)>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<iframe src=\"https://evil.example/\"></iframe>",
        "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
        "<form action=\"https://evil.example/\"><input name=p></form>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
        "<img src=\"vbscript:msgbox(1)\">",
        "<details open ontoggle=alert(1)><summary>x</summary></details>",
        "<template><img src=x onerror=alert(1)></template>",
        "<!--><img src=x onerror=alert(1)>-->",
        "<p>unclosed <b>bold <i>both</p> <x-custom onclick=alert(1)>custom</x-custom>",
        "<a href=\"https://example.org/\" onmouseover=\"alert(1)\">ok</a>",
        "<table><tr><td><script>alert(1)</script></td></tr></table>",
    ]

    /// Python's HTML parser reads each sanitised body as a browser would and reports every
    /// element and attribute that could run code; none may come through.
    static let rawHTMLChecker = #"""
        import json, sys
        from html.parser import HTMLParser
        bad_tags = {"script", "style", "iframe", "object", "embed", "svg", "math", "form", "template", "noscript", "base", "meta", "link"}
        class Check(HTMLParser):
            def __init__(self):
                super().__init__(convert_charrefs=True)
                self.problems = []
            def handle_starttag(self, tag, attrs):
                if tag in bad_tags:
                    self.problems.append("element " + tag)
                for name, value in attrs:
                    squeezed = "".join(ch for ch in (value or "") if ord(ch) > 32).lower()
                    if name.startswith("on") or name == "style":
                        self.problems.append("attribute " + name)
                    if name in ("href", "src", "cite") and squeezed.startswith(("javascript:", "vbscript:", "data:")):
                        self.problems.append(name + "=" + value)
        for body in json.load(open(sys.argv[1])):
            check = Check()
            check.feed(body)
            for problem in check.problems:
                print("PROBLEM", problem, "in", body.replace("\n", " ")[:300])
        """#

    /// With `raw_html: true`, the README's promise still holds: no script, no event handler, no
    /// `javascript:` address, whatever the HTML looks like (the known mutation-XSS shapes too).
    @Test func rawHTMLIsSanitised() throws {
        let outputs = Self.rawHTMLAttacks.map { html("Vorher\n\n" + $0 + "\n\nNachher *betont*\n", rawHTML: true) }
        for (payload, out) in zip(Self.rawHTMLAttacks, outputs) {
            #expect(out.hasPrefix("<p>Vorher</p>"), "\(payload)")
            // An unclosed <svg> or <math> takes the rest of the body into itself, as in a browser.
            if !payload.contains("<svg onload") && !payload.contains("<math") {
                #expect(out.contains("Nachher <em>betont</em>"), "\(payload) → \(out)")
            }
        }
        let file = try ScratchFolder.path("bodies.json")
        try JSONSerialization.data(withJSONObject: outputs).write(to: file)
        let run = try CommandLineRun(python: Self.rawHTMLChecker, arguments: [file.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stdout.contains("PROBLEM"), "\(run.stdout)")
    }

    @Test func rawHTMLKeepsWhatIsAllowed() {
        let out = html("""
            <div class="kasten" id="k"><p>Ein <abbr title="Kompetenzzentrum">KZ</abbr>, <a href="https://example.org/" title="t">Link</a></p></div>

            <table><tr><td colspan="2">Zelle</td></tr></table>

            - [x] erledigt

            Fußnote[^1] und ~~alt~~.

            <pre>

            code</pre>

            [^1]: Anmerkung.
            """, rawHTML: true)
        #expect(out.contains("<div class=\"kasten\" id=\"k\"><p>Ein <abbr title=\"Kompetenzzentrum\">KZ</abbr>, <a href=\"https://example.org/\" title=\"t\">Link</a></p></div>"))
        #expect(out.contains("<td colspan=\"2\">Zelle</td>"))
        #expect(out.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\">"))
        #expect(out.contains("<del>alt</del>"))
        #expect(out.contains("data-footnote-ref"))
        #expect(out.contains("<pre>\n\ncode</pre>"))  // the leading newline of the text survives
    }

    @Test func headingsGetUniqueGermanIDs() {
        let parsed = MarkdownParser(allowsRawHTML: false).parse("## Über uns\n\n## Über uns\n\n### Größe *und* `Maß`\n\n## !!!\n",
                                                                 path: "x", firstLine: 1)
        #expect(parsed.body.headingIDs == ["ueber-uns", "ueber-uns-2", "groesse-und-mass", "abschnitt"])
        let out = MarkdownRenderer().render(parsed.body, resolvedLinks: [:])
        #expect(out.contains("<h2 id=\"ueber-uns\">"))
        #expect(out.contains("<h2 id=\"ueber-uns-2\">"))
        #expect(out.contains("<h3 id=\"groesse-und-mass\">"))
        #expect(out.contains("<em>und</em>"))
        #expect(out.contains("<code>Maß</code>"))
        // Rendering again (as `serve` will) must not wrap the headings twice.
        #expect(MarkdownRenderer().render(parsed.body, resolvedLinks: [:]) == out)
    }

    @Test func atLinksAreRewrittenOthersLeftAlone() {
        let out = html("[A](@angebote/a#x) [B](/b/) [C](@blog/c)",
                       links: ["@angebote/a#x": "/angebote/a/#x", "@blog/c": ""])
        #expect(out.contains("<a href=\"/angebote/a/#x\">A</a>"))
        #expect(out.contains("<a href=\"/b/\">B</a>"))
        #expect(out.contains(" C</p>"))
        #expect(!out.contains("@blog/c"))
    }

    /// An input the fuzzer found (a table run into a task list and autolinks): it renders, and
    /// rendering it again gives the same bytes.
    @Test func fuzzerFoundTableRenders() throws {
        let input = try String(contentsOf: TemporarySite.repoRoot.appendingPathComponent("Fuzz/corpus/FuzzMarkdown/regression-table-link.md"), encoding: .utf8)
        let parsed = MarkdownParser(allowsRawHTML: false).parse(input, path: "x", firstLine: 1)
        let first = MarkdownRenderer().render(parsed.body, resolvedLinks: [:])
        #expect(first.contains("<table>"))
        #expect(MarkdownRenderer().render(parsed.body, resolvedLinks: [:]) == first)
    }

    /// Found by fuzzing: an `@` link in a table cell lost its text (table cells take only some
    /// kinds of inline node). Links keep their node now; a left-out target keeps the text.
    @Test func atLinksInTableCellsAndHeadings() {
        let body = "| a | b |\n|---|---|\n| [Eins](@blog/x) | [Zwei](@blog/y) |\n\n## Mit [Link](@blog/x)\n"
        let out = html(body, links: ["@blog/x": "/blog/x/", "@blog/y": ""])
        #expect(out.contains("<td><a href=\"/blog/x/\">Eins</a></td>"))
        #expect(out.contains("<td>Zwei</td>"))
        #expect(out.contains("<h2 id=\"mit-link\">") && out.contains("<a href=\"/blog/x/\">Link</a>"))
        #expect(!out.contains("vernetzt-left-out"))
    }

    /// A link's column counts characters as editors see them, whatever stands before it on its
    /// line: umlauts and quotes (one scalar each), and combining marks, emoji with modifiers
    /// and joined emoji (several scalars, one character).
    @Test(arguments: ["Größe ", "„Zitat“ – 5 € ", "Cafe\u{301} ", "👍🏽 ", "👩‍👩‍👧 ", "🇩🇪 ", "a\u{200D}b ", "Ω≈ç ", "ℕ ", ""])
    func linkColumnsCountCharacters(prefix: String) {
        let parsed = MarkdownParser(allowsRawHTML: false).parse("Erste Zeile\n\(prefix)[x](@blog/ziel)", path: "content/seiten/x.md", firstLine: 1)
        #expect(parsed.links.map(\.location.column) == [prefix.count + 1])
        #expect(parsed.links.map(\.location.line) == [2])
    }

    /// Links late in long lines and far down the body: line ends are found and characters
    /// counted eight bytes at a time, so a column is checked after ASCII runs of every length.
    @Test func linkPositionsOnLongLines() {
        let fillers = ["Größe und Maß ", "plain ascii text ", "„Zitat“ – 5 € ", "Cafe\u{301} ", "Ärger ", "👍🏽 "]
        var body = ""
        var expected: [(line: Int, column: Int)] = []
        for line in 1...60 {
            var prefix = ""
            for part in 0..<(line % 7) { prefix += fillers[(line + part) % fillers.count] }
            prefix += String(repeating: "x", count: line % 9)
            body += line % 3 == 0 ? "\(prefix)[link](@blog/ziel-\(line))\n" : prefix + "\n"
            if line % 3 == 0 { expected.append((line, prefix.count + 1)) }
            if line % 10 == 0 { body += "\n" }
        }
        // The blank lines after every tenth line move the lines below them down.
        let lines = expected.map { $0.line + ($0.line - 1) / 10 }
        let parsed = MarkdownParser(allowsRawHTML: false).parse(body, path: "content/seiten/x.md", firstLine: 1)
        #expect(parsed.links.map(\.location.line) == lines)
        #expect(parsed.links.map(\.location.column) == expected.map(\.column))
    }

    /// A path into the site, or an address elsewhere: a scheme is what stands before the first
    /// `:` with no `/`, `#` or `?` before it.
    @Test func localPathsAndAddressesElsewhere() {
        for local in ["/blog/", "bild.png", "#ziel", "?seite=2", "a/b:c", "x#y:z", "x?y:z", "unterseite/"] {
            #expect(MarkdownParser.isLocal(local), "\(local)")
        }
        for elsewhere in ["", "//cdn.example.org/x.js", "https://example.org/", "mailto:a@b.de", "tel:+49", "x:y/z", "ftp:"] {
            #expect(!MarkdownParser.isLocal(elsewhere), "\(elsewhere)")
        }
    }
}
