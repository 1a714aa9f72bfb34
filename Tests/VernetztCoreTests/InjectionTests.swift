import Foundation
import Testing
@testable import VernetztCore
@testable import VernetztEngine
@testable import VernetztModel
@testable import VernetztServe

/// Hostile text in every field that reaches output, read back the way each consumer reads it:
/// an HTML parser, a JSON parser on the JSON-LD, an XML parser on feeds and sitemap, an
/// iCalendar parser. The text must arrive as text — never as markup, script, an extra property
/// or an extra calendar line.
@Suite struct InjectionTests {
    static let payloads = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "</script><script>alert(2)</script>",
        "]]><evil/>",
        "{{title}} {{{content}}}",
        "Zeile\r\nDTSTART:19700101T000000Z\r\nX-EVIL:1",
        "' onmouseover='alert(3)",
        "&amp; &lt;b&gt; &#39;",
    ]

    /// One site with payload `p` in every text field that reaches output.
    static func files(_ p: String) -> [String: String] {
        let y = Scaffolder.yamlString(p)
        return [
            "content/angebote/f.md": markdown("title: \(y)\nsummary: \(y)"),
            "content/partner/p.md": markdown("title: \(y)\nshort: \(y)\ncity: \(y)\nwebsite: https://example.org/"),
            "content/team/t.md": markdown("title: \(y)\nrole: \(y)\nphone: \(y)\nemail: a@example.org\naddress: \(y)\npartner: p"),
            "content/themen/th.md": markdown("title: \(y)\nsummary: \(y)"),
            "content/blog/b/index.md": markdown("title: \(y)\ndate: 2022-07-05\nsummary: \(y)\nauthors: [t]\nformats: [f]\nthemes: [th]\ntags: [\(y)]\nimage: bild.jpg\nimage_alt: \(y)",
                                          "\(p)\n\n[\(p.replacingOccurrences(of: "]", with: ""))](@angebote/f)\n\n![](@stimmen/s)\n"),
            "content/blog/b/bild.jpg": TestPictures.jpegMarker,
            "content/praxisbeispiele/c.md": markdown("title: \(y)\ndate: 2022-01-01\nformats: [f]\ncompany: \(y)\nindustry: \(y)\nregion: \(y)\nresults: [\(y)]"),
            "content/veranstaltungen/e.md": markdown("title: \(y)\nstart: 2022-07-05T14:00\nend: 2022-07-05T17:00\nsummary: \(y)\nformats: [f]\nlocation:\n  name: \(y)\n  address: \(y)\n  city: \(y)\nregistration: https://example.org/anmeldung"),
            "content/stimmen/s.md": markdown("source: \(y)\nformat: f", "\(p)\n"),
            "content/seiten/impressum.md": markdown("title: \(y)"),
        ]
    }

    static func config(_ p: String) -> String {
        let y = Scaffolder.yamlString(p)
        return "title: \(y)\nurl: https://example.org/\ndescription: \(y)\nsearch: false\n"
            + "menu:\n  - title: \(y)\n    url: /angebote/\nfooter_menu:\n  - title: \(y)\n    url: \"@seiten/impressum\"\n"
            + "contact:\n  name: \(y)\n  address: \(y)\nfunded_by: \(y)\n"
    }

    static let checker = #"""
        import sys, os, json, html.parser, xml.etree.ElementTree as ET, icalendar, feedparser
        root, payload = sys.argv[1], sys.argv[2]
        def same(a, b):  # line breaks may change form (CRLF, LF), never content
            norm = lambda s: s.replace("\r\n", "\n").replace("\r", "\n").strip()
            return norm(a) == norm(b)
        problems = []

        class Page(html.parser.HTMLParser):
            def __init__(self):
                super().__init__(convert_charrefs=True)
                self.scripts, self.text, self.in_script, self.json = [], [], None, []
            def handle_starttag(self, tag, attrs):
                attrs = dict(attrs)
                if tag == "script":
                    self.in_script = attrs.get("type")
                    self.scripts.append(attrs.get("type"))
                for name in attrs:
                    if name.startswith("on"):
                        problems.append("%s: an event handler attribute %s on <%s>" % (self.path, name, tag))
                if tag in ("img", "evil") and "onerror" in attrs or tag == "evil":
                    problems.append("%s: an injected <%s>" % (self.path, tag))
            def handle_endtag(self, tag):
                if tag == "script":
                    self.in_script = None
            def handle_data(self, data):
                if self.in_script == "application/ld+json":
                    self.json.append(data)
                elif self.in_script is None:
                    self.text.append(data)

        pages = 0
        for folder, _, names in os.walk(root):
            for name in names:
                path = os.path.join(folder, name)
                rel = os.path.relpath(path, root)
                if name.endswith(".html"):
                    page = Page(); page.path = rel
                    page.feed(open(path, encoding="utf-8").read())
                    pages += 1
                    if any(t != "application/ld+json" for t in page.scripts):
                        problems.append("%s: a script element other than JSON-LD" % rel)
                    for block in page.json:
                        data = json.loads(block)
                        if data.get("@type") in ("BlogPosting", "Event", "Person") and not same(data.get("name", data.get("headline")), payload):
                            problems.append("%s: JSON-LD name is %r" % (rel, data.get("name", data.get("headline"))))
                    if rel in ("blog/b/index.html", "veranstaltungen/e/index.html", "angebote/f/index.html") and payload.replace("\r\n", "\n").strip() not in "".join(page.text).replace("\r\n", "\n"):
                        problems.append("%s: the payload is not shown as text" % rel)
                elif name.endswith(".xml"):
                    ET.parse(path)
                    if name == "feed.xml":
                        feed = feedparser.parse(path)
                        if feed.bozo:
                            problems.append("%s: %s" % (rel, feed.bozo_exception))
                        for entry in feed.entries:
                            if not same(entry.title, payload):
                                problems.append("%s: entry title %r" % (rel, entry.title))
                elif name.endswith(".ics"):
                    calendar = icalendar.Calendar.from_ical(open(path, "rb").read())
                    for event in calendar.walk("VEVENT"):
                        if not same(str(event["SUMMARY"]), payload):
                            problems.append("%s: SUMMARY %r" % (rel, str(event["SUMMARY"])))
                        if "X-EVIL" in event or len(event.decoded("DTSTART").isoformat()) < 10:
                            problems.append("%s: an extra calendar line" % rel)
                        if event.decoded("DTSTART").year != 2022:
                            problems.append("%s: DTSTART was replaced" % rel)
        print("pages", pages)
        for problem in problems:
            print("PROBLEM", problem)
        """#

    @Test(arguments: payloads)
    func payloadArrivesAsText(_ payload: String) throws {
        let site = try TemporarySite(Self.files(payload), config: Self.config(payload))
        var options = site.options()
        options.now = try #require(BuildOptions.parseNow("2022-01-01T00:00:00+01:00"))
        try SiteBuilder().build(options)
        let run = try CommandLineRun(python: Self.checker, arguments: [site.output.path, payload])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.first.map { Int($0.dropFirst("pages ".count)) ?? 0 } ?? 0 > 15)
        #expect(lines.filter { $0.hasPrefix("PROBLEM") }.isEmpty, "\(lines.filter { $0.hasPrefix("PROBLEM") })")
    }

    @Test(arguments: ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "data:text/html,%3Cscript%3Ealert(1)%3C/script%3E",
                      "vbscript:msgbox(1)"])
    func codeURLsAreRefusedEverywhere(_ url: String) throws {
        let y = Scaffolder.yamlString(url)
        let cases: [(String, String)] = [
            ("content/partner/p.md", markdown("title: P\nwebsite: \(y)")),
            ("content/veranstaltungen/e.md", markdown("title: E\nstart: 2022-07-05\nregistration: \(y)")),
            ("content/blog/x.md", markdown("title: X\ndate: 2022-01-01", "[Klick](<\(url)>)\n")),
            ("content/blog/y.md", markdown("title: Y\ndate: 2022-01-01", "![Bild](<\(url)>)\n")),
        ]
        for (path, text) in cases {
            let site = try TemporarySite([path: text])
            let errors = site.errors()
            #expect(errors.count == 1, "\(path): \(errors)")
            #expect(errors.first?.hasPrefix(path + ":") == true)
        }
        let menu = try TemporarySite([:], config: TemporarySite.minimalConfig + "menu:\n  - title: X\n    url: \(y)\n")
        #expect(menu.errors().count == 1)
    }
}
