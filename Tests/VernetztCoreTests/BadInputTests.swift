import Foundation
import Testing
@testable import VernetztCore
@testable import VernetztEngine
@testable import VernetztModel
@testable import VernetztServe

/// Bad input of every kind, through the command line as an editor would meet it: each case
/// ends with the right exit status and, for errors, the exact `path:line:column` first; it
/// ends in bounded time and memory; and when it fails, the site built before is untouched.
@Suite(.serialized) struct BadInputTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        /// Files to write over the valid site (path → bytes); a nil value removes the file.
        var files: [String: [UInt8]?]
        /// 0 (built) or 1 (content errors).
        var status: Int32
        /// The first line on stderr, or its beginning (`prefix: true`).
        var expected: String?
        var prefix = false
        /// Work on the file system that `files` cannot express (links, pipes).
        var prepare: (@Sendable (URL) throws -> Void)?
        /// Text that must appear nowhere in the output (a secret, a raw control character).
        var forbidden: [String] = []
        var description: String { name }
    }

    static func text(_ value: String) -> [UInt8] { Array(value.utf8) }
    static func md(_ frontMatter: String, _ body: String = "Text.\n") -> [UInt8] { text(markdown(frontMatter, body)) }
    static let post = "content/blog/x.md"

    static let valid: [String: String] = [
        "content/angebote/konvoi-begleitung.md": markdown("title: Konvoi-Begleitung", "## Ablauf\n\nText.\n"),
        "content/partner/zpvp.md": markdown("title: ZPVP"),
        "content/blog/ok.md": markdown("title: OK\ndate: 2022-07-05\nformats: [konvoi-begleitung]\npartners: [zpvp]"),
        "content/stimmen/gut.md": markdown("source: Jemand\nformat: konvoi-begleitung", "Gut.\n"),
    ]

    static func error(_ name: String, _ path: String, _ bytes: [UInt8], _ expected: String, prefix: Bool = false) -> Case {
        Case(name: name, files: [path: bytes], status: 1, expected: expected, prefix: prefix)
    }

    static func accepted(_ name: String, _ files: [String: [UInt8]?]) -> Case {
        Case(name: name, files: files, status: 0, expected: nil)
    }

    static let cases: [Case] = [
        // Shape of the file
        error("empty file", post, [], "content/blog/x.md:1:1: error: missing front matter: the file must start with a line '---'"),
        error("no front matter", post, text("Nur Text.\n"), "content/blog/x.md:1:1: error: missing front matter: the file must start with a line '---'"),
        error("front matter never closed", post, text("---\ntitle: X\ndate: 2022-01-01\n\nText\n"), "content/blog/x.md:1:1: error: front matter is never closed: add a line '---' after it"),
        error("only an opening line", post, text("---\n"), "content/blog/x.md:1:1: error: front matter is never closed: add a line '---' after it"),
        accepted("front matter only, no body", [post: text("---\ntitle: X\ndate: 2022-01-01\n---\n")]),
        accepted("front matter closed with ...", [post: text("---\ntitle: X\ndate: 2022-01-01\n...\nText\n")]),
        error("front matter is a list", post, text("---\n- a\n- b\n---\n"), "content/blog/x.md:2:1: error: expected keys and values (like 'title: …'), found a list"),
        error("front matter is one value", post, text("---\nnur ein Wert\n---\n"), "content/blog/x.md:2:1: error: expected keys and values (like 'title: …'), found a single value"),
        // YAML
        error("billion laughs", post, text("---\ntitle: X\ndate: 2022-01-01\na: &a [\"lol\", \"lol\", \"lol\"]\nb: &b [*a, *a, *a, *a]\nc: [*b, *b, *b, *b]\n---\n"),
              "content/blog/x.md:4:4: error: YAML anchors and aliases (& and *) are not supported", prefix: true),
        error("an alias as title", post, text("---\ntitle: *wichtig*\ndate: 2022-01-01\n---\n"),
              "content/blog/x.md:2:8: error: YAML anchors and aliases (& and *) are not supported", prefix: true),
        accepted("an ampersand inside text", [post: md("title: Safety & Security\ndate: 2022-01-01")]),
        error("tabs for indentation", post, text("---\ntitle: X\ndate: 2022-01-01\nlocation:\n\tname: Halle\n---\n"), "content/blog/x.md:5:1: error: invalid YAML: a tab before this key — YAML indents with spaces: replace the tab with spaces", prefix: true),
        error("duplicate keys", post, md("title: A\ndate: 2022-01-01\ntitle: B"), "content/blog/x.md:2:1: error: duplicate key 'title': each key may appear once"),
        error("colon in an unquoted title", post, md("title: Teil 1: Anfang\ndate: 2022-01-01"), "content/blog/x.md:2:14: error: invalid YAML: mapping values are not allowed in this context", prefix: true),
        // Told at the bracket left open, not at the line where libyaml noticed.
        error("unclosed flow list", post, md("title: X\ndate: [2022-01-01"), "content/blog/x.md:3:7: error: invalid YAML: did not find expected ',' or ']'", prefix: true),
        error("unclosed flow list before a key", post, md("title: X\ndate: 2022-01-01\ntags: [a, b\nsummary: Y"),
              "content/blog/x.md:4:7: error: invalid YAML: did not find expected ',' or ']'", prefix: true),
        error("unclosed flow mapping before a key", post, md("title: X\ndate: 2022-01-01\ntags: {a: b\nsummary: Y"),
              "content/blog/x.md:4:7: error: invalid YAML: did not find expected ',' or '}'", prefix: true),
        error("nesting 5000 deep", post, md("title: X\ndate: 2022-01-01\ntags: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)),
              "content/blog/x.md:4:", prefix: true),
        error("NUL in front matter", post, text("---\ntitle: X\u{0}Y\ndate: 2022-01-01\n---\n"), "content/blog/x.md:2:9: error: invalid YAML", prefix: true),
        accepted("NUL in the body", [post: md("title: X\ndate: 2022-01-01", "Vor\u{0}nach.\n")]),
        error("100,000 unknown keys", post, md("title: X\ndate: 2022-01-01\n" + (0..<100_000).map { "k\($0): v" }.joined(separator: "\n")),
              "content/blog/x.md:4:1: error: unknown key 'k0'", prefix: true),
        // Encodings and line ends
        error("not UTF-8", post, text("---\ntitle: M") + [0xFC] + text("ller\ndate: 2022-01-01\n---\n"), "content/blog/x.md:2:9: error: the file is not UTF-8 text: save it as UTF-8"),
        error("Latin-1 in the body", post, text("---\ntitle: X\ndate: 2022-01-01\n---\n\nGr") + [0xF6, 0xDF] + text("e\n"), "content/blog/x.md:6:3: error: the file is not UTF-8 text: save it as UTF-8"),
        error("a cut-off UTF-8 character at the end", post, text("---\ntitle: X\n---\n") + [0xC3], "content/blog/x.md:4:1: error: the file is not UTF-8 text: save it as UTF-8"),
        accepted("UTF-8 with BOM", [post: [0xEF, 0xBB, 0xBF] + md("title: X\ndate: 2022-01-01")]),
        accepted("CRLF line ends", [post: text("---\r\ntitle: X\r\ndate: 2022-01-01\r\n---\r\n\r\nText\r\n")]),
        accepted("BOM and CRLF", [post: [0xEF, 0xBB, 0xBF] + text("---\r\ntitle: X\r\ndate: 2022-01-01\r\n---\r\n\r\nText\r\n")]),
        accepted("old Mac line ends (CR)", [post: text("---\rtitle: X\rdate: 2022-01-01\r---\r\rText\r")]),
        error("CRLF error positions", post, text("---\r\ntitle: X\r\ndate: 2022-01-01\r\nformat: [a]\r\n---\r\n"), "content/blog/x.md:4:1: error: unknown key 'format' (did you mean 'formats'?)"),
        // Size
        accepted("a 50 MB body", [post: md("title: X\ndate: 2022-01-01", String(repeating: "Ein Satz mit *Betonung* und [Link](https://example.org/).\n\n", count: 850_000))]),
        accepted("a single 1 MB line", [post: md("title: X\ndate: 2022-01-01", String(repeating: "wort ", count: 200_000) + "\n")]),
        accepted("10,000 nested block quotes", [post: md("title: X\ndate: 2022-01-01", String(repeating: ">", count: 10_000) + " tief\n")]),
        accepted("10,000 nested list items", [post: md("title: X\ndate: 2022-01-01", (0..<10_000).map { String(repeating: "  ", count: $0) + "- e" }.joined(separator: "\n") + "\n")]),
        accepted("10,000 nested emphasis", [post: md("title: X\ndate: 2022-01-01", String(repeating: "*", count: 10_000) + "x" + String(repeating: "*", count: 10_000) + "\n")]),
        accepted("a 1 MB title", [post: md("title: \"" + String(repeating: "Titel ", count: 170_000) + "\"\ndate: 2022-01-01")]),
        // File names and ids
        // The id is the file's name and other items refer to it by that: a name that is no id
        // would be referred to by one name and found at another address.
        error("a file name with spaces", "content/blog/Mein Beitrag.md", md("title: X\ndate: 2022-01-01"),
              "content/blog/Mein Beitrag.md:1:1: error: the file name 'Mein Beitrag' is not an id (a–z, 0–9 and '-'): rename it to 'mein-beitrag.md'"),
        error("a file name with umlauts", "content/blog/Größe.md", md("title: X\ndate: 2022-01-01"),
              "content/blog/Größe.md:1:1: error: the file name 'Größe' is not an id (a–z, 0–9 and '-'): rename it to 'groesse.md'"),
        Case(name: "an uppercase id referred to", files: ["content/angebote/Konvoi.md": md("title: K"),
                                                          post: md("title: X\ndate: 2022-01-01\nformats: [Konvoi]")],
             status: 1, expected: "content/angebote/Konvoi.md:1:1: error: the file name 'Konvoi' is not an id (a–z, 0–9 and '-'): rename it to 'konvoi.md'"),
        Case(name: "two ids that differ only in case", files: ["content/blog/Wirkung.md": md("title: A\ndate: 2022-01-01"),
                                                              "content/blog/wirkung.md": md("title: B\ndate: 2022-01-01")],
             status: 1, expected: "content/blog/Wirkung.md:1:1: error: the file name 'Wirkung' is not an id (a–z, 0–9 and '-'): rename it to 'wirkung.md'"),
        error("a slug with ..", post, md("title: X\ndate: 2022-01-01\nslug: ../../etc"), "content/blog/x.md:4:1: error: 'slug' may hold only a–z, 0–9 and '-' (try 'etc')"),
        error("a slug with /", post, md("title: X\ndate: 2022-01-01\nslug: a/b"), "content/blog/x.md:4:1: error: 'slug' may hold only a–z, 0–9 and '-' (try 'a-b')"),
        error("a slug with %2e%2e", post, md("title: X\ndate: 2022-01-01\nslug: \"%2e%2e\""), "content/blog/x.md:4:1: error: 'slug' may hold only a–z, 0–9 and '-' (try '2e-2e')"),
        error("an absolute slug", post, md("title: X\ndate: 2022-01-01\nslug: /etc/passwd"), "content/blog/x.md:4:1: error: 'slug' may hold only a–z, 0–9 and '-' (try 'etc-passwd')"),
        error("an empty slug", post, md("title: X\ndate: 2022-01-01\nslug: \"\""), "content/blog/x.md:4:1: error: 'slug' may hold only a–z, 0–9 and '-' (try '')"),
        error("an alias with ..", post, md("title: X\ndate: 2022-01-01\naliases: [/a/../../b/]"), "content/blog/x.md:4:11: error: invalid alias '/a/../../b/': it must not contain '.' or '..' segments or hidden names"),
        error("an alias with %2e%2e", post, md("title: X\ndate: 2022-01-01\naliases: [\"/%2e%2e/x/\"]"), "content/blog/x.md:4:11: error: invalid alias '/%2e%2e/x/': it must be a plain path, without encoded characters, '?' or '#'"),
        error("a relative alias", post, md("title: X\ndate: 2022-01-01\naliases: [alt/]"), "content/blog/x.md:4:11: error: invalid alias 'alt/': it must start with '/'"),
        error("an alias with a backslash", post, md("title: X\ndate: 2022-01-01\naliases: ['/a\\..\\b/']"), "content/blog/x.md:4:11: error: invalid alias '/a\\..\\b/': it must be a plain path, without encoded characters, '?' or '#'"),
        error("an alias onto a page", post, md("title: X\ndate: 2022-01-01\naliases: [/blog/ok/]"), "content/blog/x.md:4:11: error: alias '/blog/ok/' collides with content/blog/ok.md"),
        error("an alias onto the sitemap", post, md("title: X\ndate: 2022-01-01\naliases: [/sitemap.xml]"), "content/blog/x.md:4:11: error: alias '/sitemap.xml' collides with the site's sitemap.xml"),
        accepted("an alias under an absolute-looking path", [post: md("title: X\ndate: 2022-01-01\naliases: [/etc/passwd/]")]),
        // Paths: control characters, empty and overlong segments, collisions found before writing
        error("a NUL in an alias", post, md("title: X\ndate: 2022-01-01\naliases: [\"/index.html\\0.html\"]"),
              "content/blog/x.md:4:11: error: invalid alias '/index.html\\u{0}.html': it must not contain a NUL character"),
        error("a control character in an image", post, md("title: X\ndate: 2022-01-01\nimage: \"bild\\x01.jpg\"\nimage_alt: Bild"),
              "content/blog/x.md:4:8: error: 'image' must not contain the control character U+0001"),
        error("a line break in a web address", "content/partner/p.md", md("title: P\nwebsite: \"https://example.org/\\nx\""),
              "content/partner/p.md:3:10: error: 'website' must not contain a line break"),
        error("a line break in a file name", "static/a\nb.txt", text("x"),
              "static/a\\u{A}b.txt:1:1: error: the file name contains a line break: rename the file"),
        error("a file name without letters", "content/blog/日本語.md", md("title: X\ndate: 2022-01-01"),
              "content/blog/日本語.md:1:1: error: the file name '日本語' has no letters a–z or digits to make the page's address from: set 'slug' (like slug: mein-beitrag)"),
        error("an emoji file name", "content/seiten/😀.md", md("title: X"),
              "content/seiten/😀.md:1:1: error: the file name '😀' has no letters a–z or digits", prefix: true),
        error("a file name of dashes", "content/seiten/---.md", md("title: X"),
              "content/seiten/---.md:1:1: error: the file name '---' has no letters a–z or digits", prefix: true),
        accepted("a file name without letters but a slug", ["content/blog/日本語.md": md("title: X\ndate: 2022-01-01\nslug: japanisch")]),
        error("a tag without letters", post, md("title: X\ndate: 2022-01-01\ntags: [Wirkung, \"..\"]"),
              "content/blog/x.md:4:17: error: tag '..' has no letters or digits to make its page's address from: write it with letters"),
        error("a slug of 300 characters", post, md("title: X\ndate: 2022-01-01\nslug: " + String(repeating: "a", count: 300)),
              "content/blog/x.md:4:1: error: 'slug' may be at most 255 characters long"),
        error("an alias with a 300-character segment", post, md("title: X\ndate: 2022-01-01\naliases: [/" + String(repeating: "a", count: 300) + "/]"),
              "content/blog/x.md:4:11: error: invalid alias '/" + String(repeating: "a", count: 300) + "/': a part between two '/' may be at most 255 bytes long"),
        error("an alias onto the stylesheet", post, md("title: X\ndate: 2022-01-01\naliases: [/assets/style.css]"),
              "content/blog/x.md:4:11: error: alias '/assets/style.css' collides with layouts/assets/style.css"),
        error("an alias onto the blog's feed", post, md("title: X\ndate: 2022-01-01\naliases: [/blog/feed.xml]"),
              "content/blog/x.md:4:11: error: alias '/blog/feed.xml' collides with the feed of blog/"),
        error("an alias onto a format's feed", post, md("title: X\ndate: 2022-01-01\naliases: [/angebote/konvoi-begleitung/feed.xml]"),
              "content/blog/x.md:4:11: error: alias '/angebote/konvoi-begleitung/feed.xml' collides with the feed of content/angebote/konvoi-begleitung.md"),
        Case(name: "an alias onto an event's calendar",
             files: ["content/veranstaltungen/tag.md": md("title: Tag\nstart: 2022-07-05\nonline: true"),
                     post: md("title: X\ndate: 2022-01-01\naliases: [/veranstaltungen/tag/tag.ics]")],
             status: 1, expected: "content/blog/x.md:4:11: error: alias '/veranstaltungen/tag/tag.ics' collides with the calendar file of content/veranstaltungen/tag.md"),
        Case(name: "an alias onto a bundle's file",
             files: ["content/seiten/b/index.md": md("title: B"), "content/seiten/b/plan.pdf": text("%PDF"),
                     post: md("title: X\ndate: 2022-01-01\naliases: [/b/plan.pdf]")],
             status: 1, expected: "content/blog/x.md:4:11: error: alias '/b/plan.pdf' collides with content/seiten/b/plan.pdf"),
        Case(name: "an alias onto the blog's second page",
             files: ["site.yml": text(TemporarySite.minimalConfig + "page_size: 1\n"),
                     "content/blog/y.md": md("title: Y\ndate: 2022-07-06"),
                     post: md("title: X\ndate: 2022-07-07\naliases: [/blog/seite/2/]")],
             status: 1, expected: "content/blog/x.md:4:11: error: alias '/blog/seite/2/' collides with the pages of the list of blog/"),
        Case(name: "an alias onto all posts of a format",
             files: ["site.yml": text(TemporarySite.minimalConfig + "page_size: 1\n"),
                     "content/blog/y.md": md("title: Y\ndate: 2022-07-06\nformats: [konvoi-begleitung]"),
                     post: md("title: X\ndate: 2022-07-07\nformats: [konvoi-begleitung]\naliases: [/angebote/konvoi-begleitung/blog/seite/2/]")],
             status: 1, expected: "content/blog/x.md:5:11: error: alias '/angebote/konvoi-begleitung/blog/seite/2/' collides with the list of all blog of content/angebote/konvoi-begleitung.md"),
        Case(name: "an alias onto a tag's second page",
             files: ["site.yml": text(TemporarySite.minimalConfig + "page_size: 1\n"),
                     "content/blog/y.md": md("title: Y\ndate: 2022-07-06\ntags: [Wirkung]"),
                     post: md("title: X\ndate: 2022-07-07\ntags: [Wirkung]\naliases: [/schlagwoerter/wirkung/seite/2/]")],
             status: 1, expected: "content/blog/x.md:5:11: error: alias '/schlagwoerter/wirkung/seite/2/' collides with the pages of tag 'Wirkung'"),
        accepted("a post called 'seite' beside a paginated blog",
                 ["site.yml": text(TemporarySite.minimalConfig + "page_size: 1\n"), "content/blog/seite.md": md("title: Seite\ndate: 2022-07-06")]),
        error("a static file onto a page", "static/blog/ok/index.html", text("<p>alt</p>\n"),
              "static/blog/ok/index.html:1:1: error: output file '/blog/ok/index.html' is also written by content/blog/ok.md"),
        error("a static file in /pagefind/", "static/pagefind/pagefind.js", text("alert(1)\n"),
              "static/pagefind/pagefind.js:1:1: error: output file '/pagefind/pagefind.js' is also written by the search index /pagefind/"),
        // Menus and site.yml addresses
        error("a menu path that leads nowhere", "site.yml", text("title: T\nurl: https://example.org/\nmenu:\n  - title: Angebote\n    url: /angebot/\n"),
              "site.yml:4:5: error: broken link '/angebot/': there is no page or file /angebot/"),
        error("a relative menu path", "site.yml", text("title: T\nurl: https://example.org/\nfooter_menu:\n  - title: Blog\n    url: blog/\n"),
              "site.yml:4:5: error: menu address 'blog/' must start with '/' (a page of the site), '@' (an item) or https://"),
        error("a menu address to another host", "site.yml", text("title: T\nurl: https://example.org/\nmenu:\n  - title: X\n    url: //evil.example/\n"),
              "site.yml:4:5: error: menu address '//evil.example/' leads to another host: write the full address with https://"),
        error("a menu address with a backslash", "site.yml", text("title: T\nurl: https://example.org/\nmenu:\n  - title: X\n    url: /\\evil.example/\n"),
              "site.yml:4:5: error: menu address '/\\evil.example/' leads to another host: write the full address with https://"),
        error("a site url with a fragment", "site.yml", text("title: T\nurl: https://example.org/#x\n"),
              "site.yml:2:1: error: 'url' must not hold a fragment ('#…')"),
        error("a site url with a query", "site.yml", text("title: T\nurl: https://example.org/?a=1\n"),
              "site.yml:2:1: error: 'url' must not hold a query ('?…')"),
        error("a site url with a password", "site.yml", text("title: T\nurl: https://admin:pw@example.org/\n"),
              "site.yml:2:1: error: 'url' must not hold a user name or password"),
        error("a site url with a space", "site.yml", text("title: T\nurl: \"https://example.org/ x/\"\n"),
              "site.yml:2:6: error: 'url' must not contain a space"),
        error("a contact email with a script", "site.yml", text("title: T\nurl: https://example.org/\ncontact:\n  email: \"mailto:javascript:alert(1)\"\n"),
              "site.yml:4:10: error: 'email' is not an e-mail address: 'mailto:javascript:alert(1)' (write it like name@example.org)"),
        error("a person's email with a script", "content/team/t.md", md("title: T\nemail: \"javascript:alert(1)//@x.de\""),
              "content/team/t.md:3:8: error: 'email' is not an e-mail address: 'javascript:alert(1)//@x.de' (write it like name@example.org)"),
        // Dates that do not exist or are typos
        error("a time in the spring-forward gap", "content/veranstaltungen/e.md", md("title: E\nstart: 2022-03-27T02:30\nonline: true"),
              "content/veranstaltungen/e.md:3:8: error: invalid date '2022-03-27T02:30' for 'start': the time 02:30 does not exist on that day in Europe/Berlin: the clocks skip it when summer time begins; write the time after the change"),
        accepted("the hour after the gap", ["content/veranstaltungen/e.md": md("title: E\nstart: 2022-03-27T03:30\nonline: true")]),
        error("a year before 1000", post, md("title: X\ndate: 0222-07-05"),
              "content/blog/x.md:3:7: error: invalid date '0222-07-05' for 'date': the year 0222 is not plausible (a typo?): write the year with four digits, from 1000 on"),
        // Lists and tables
        accepted("a format listed twice", [post: md("title: X\ndate: 2022-01-01\nformats: [konvoi-begleitung, konvoi-begleitung]")]),
        accepted("a table of 1,000 columns", [post: md("title: X\ndate: 2022-01-01", String(repeating: "| a ", count: 999) + "|\n" + String(repeating: "|---", count: 999) + "|\n")]),
        error("a table of 20,000 columns", post, md("title: X\ndate: 2022-01-01", "Text\n\n" + String(repeating: "| a ", count: 20_000) + "|\n" + String(repeating: "|---", count: 20_000) + "|\n"),
              "content/blog/x.md:8:1: error: a table row with more than 1000 cells ('|'): split the table"),
        // Hidden files in static/ are published; version control and desktop clutter are not
        accepted("hidden files in static/", ["static/.well-known/security.txt": text("Contact: mailto:a@example.org\n"),
                                             "static/.nojekyll": text(""), "static/.htaccess": text("Options -Indexes\n"),
                                             "static/.DS_Store": text("x"), "static/.git/config": text("[core]\n")]),
        // Raw HTML (when the site allows it) and files served from the site's own origin
        Case(name: "raw HTML with a javascript: link",
             files: ["site.yml": text(TemporarySite.minimalConfig + "raw_html: true\n"), post: md("title: X\ndate: 2022-01-01", "Text\n\n<a href=\"javascript:alert(1)\">x</a>\n")],
             status: 1, expected: "content/blog/x.md:8:1: error: javascript: links are not allowed: they run code in the reader's browser"),
        Case(name: "raw HTML with an inline javascript: link",
             files: ["site.yml": text(TemporarySite.minimalConfig + "raw_html: true\n"), post: md("title: X\ndate: 2022-01-01", "Ein <a href=\" JAVASCRIPT:alert(1)\">Link</a>\n")],
             status: 1, expected: "content/blog/x.md:6:5: error: javascript: links are not allowed: they run code in the reader's browser"),
        accepted("raw HTML with an event handler (removed, with a warning)",
                 ["site.yml": text(TemporarySite.minimalConfig + "raw_html: true\n"), post: md("title: X\ndate: 2022-01-01", "<img src=\"bild.png\" alt=\"B\" onerror=\"alert(1)\">\n\n<script>alert(1)</script>\n")]),
        error("an SVG with a script", "static/logo.svg", text("<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <script>alert(1)</script>\n</svg>\n"),
              "static/logo.svg:2:", prefix: true),
        error("an SVG with an event handler", "static/logo.svg", text("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\">\n</svg>\n"),
              "static/logo.svg:1:", prefix: true),
        Case(name: "an SVG with a javascript: link beside a page",
             files: ["content/seiten/b/index.md": md("title: B"),
                     "content/seiten/b/plan.svg": text("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n<a xlink:href=\"javascript:alert(1)\"><text>x</text></a>\n</svg>\n")],
             status: 1, expected: "content/seiten/b/plan.svg:2:", prefix: true),
        error("an SVG with a picture from another host", "static/logo.svg",
              text("<svg xmlns=\"http://www.w3.org/2000/svg\">\n<image href=\"https://tracker.example/p.png\"/>\n</svg>\n"),
              "static/logo.svg:2:", prefix: true),
        error("an SVG with a style loading from another host", "static/logo.svg",
              text("<svg xmlns=\"http://www.w3.org/2000/svg\">\n<style>\n@import url(https://fonts.example/x.css);\n</style>\n</svg>\n"),
              "static/logo.svg:", prefix: true),
        accepted("a plain SVG", ["static/logo.svg": text("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\"/></svg>\n")]),
        Case(name: "an HTML file beside a page",
             files: ["content/seiten/b/index.md": md("title: B"), "content/seiten/b/alt.html": text("<script>alert(1)</script>")],
             status: 1, expected: "content/seiten/b/alt.html:1:1: error: HTML files are not published next to a page", prefix: true),
        // Links and URLs
        error("a javascript: link", post, md("title: X\ndate: 2022-01-01", "[x](javascript:alert(1))\n"), "content/blog/x.md:6:1: error: javascript: links are not allowed: they run code in the reader's browser"),
        error("a JavaScript: link in capitals with spaces", post, md("title: X\ndate: 2022-01-01", "[x](<JAVA SCRIPT:alert(1)>)\n"), "content/blog/x.md:6:1: error: javascript: links are not allowed: they run code in the reader's browser"),
        error("a data: image", post, md("title: X\ndate: 2022-01-01", "![x](data:image/svg+xml;base64,PHN2Zz4=)\n"), "content/blog/x.md:6:1: error: data: images are not allowed: put the image beside the text instead"),
        error("a javascript: website", "content/partner/p.md", md("title: P\nwebsite: javascript:alert(1)"), "content/partner/p.md:3:10: error: 'website' must be a web address starting with https:// or http://"),
        error("a data: registration", "content/veranstaltungen/e.md", md("title: E\nstart: 2022-07-05\nregistration: \"data:text/html,<script>alert(1)</script>\"\nonline: true"), "content/veranstaltungen/e.md:4:15: error: 'registration' must be a web address starting with https:// or http://"),
        error("a broken relative link", post, md("title: X\ndate: 2022-01-01", "[x](../nirgends/)\n"), "content/blog/x.md:6:1: error: broken link '../nirgends/': there is no page or file /blog/nirgends/"),
        error("a link out of the site", post, md("title: X\ndate: 2022-01-01", "[x](../../../../../etc/passwd)\n"), "content/blog/x.md:6:1: error: link '../../../../../etc/passwd' leads outside the site"),
        error("an embed of a format", post, md("title: X\ndate: 2022-01-01", "![](@angebote/konvoi-begleitung)\n"), "content/blog/x.md:6:1: error: only testimonials can be embedded", prefix: true),
        accepted("raw HTML is dropped, not an error", [post: md("title: X\ndate: 2022-01-01", "<script>alert(1)</script>\n\n<div onclick=\"x\">t</div>\n")]),
        // The pipeline's error classes
        error("dangling reference", post, md("title: X\ndate: 2022-07-05\nformats: [konvoi]"), "content/blog/x.md:4:11: error: unknown format 'konvoi' in 'formats' (did you mean 'konvoi-begleitung'?)"),
        error("reference to the wrong kind", post, md("title: X\ndate: 2022-07-05\nformats: [zpvp]"), "content/blog/x.md:4:11: error: 'zpvp' is a partner, not a format in 'formats'"),
        error("missing fragment", post, md("title: X\ndate: 2022-07-05", "[A](@angebote/konvoi-begleitung#ablaeufe)\n"), "content/blog/x.md:6:1: error: no heading '#ablaeufe' in content/angebote/konvoi-begleitung.md (did you mean 'ablauf'?)"),
        error("duplicate id", "content/blog/ok/index.md", md("title: OK\ndate: 2022-07-05"), "content/blog/ok/index.md:1:1: error: duplicate id 'ok': content/blog/ok.md has the same id"),
        error("missing required key", post, md("date: 2022-07-05"), "content/blog/x.md:1:1: error: missing required key 'title'"),
        error("wrong type", post, md("title: [a]\ndate: 2022-07-05"), "content/blog/x.md:2:8: error: 'title' must be text, found a list"),
        error("unknown key", post, md("title: X\ndate: 2022-07-05\nautor: [a]"), "content/blog/x.md:4:1: error: unknown key 'autor' (did you mean 'authors'?)"),
        error("invalid date", post, md("title: X\ndate: 2022-02-30"), "content/blog/x.md:3:7: error: invalid date '2022-02-30' for 'date'", prefix: true),
        error("date 0000-00-00", post, md("title: X\ndate: 0000-00-00"), "content/blog/x.md:3:7: error: invalid date '0000-00-00' for 'date'", prefix: true),
        error("unknown content folder", "content/angebot/x.md", md("title: X"), "content/angebot/x.md:1:1: error: unknown content folder 'angebot' (did you mean 'angebote'?)", prefix: true),
        error("a file too deep", "content/blog/2022/07/x.md", md("title: X\ndate: 2022-01-01"), "content/blog/2022/07/x.md:1:1: error: content files live in content/blog/<id>.md or content/blog/<id>/index.md"),
        // site.yml
        error("site.yml not YAML", "site.yml", text("title: [\n"), "site.yml:2:1: error: invalid YAML", prefix: true),
        error("site.yml unknown key", "site.yml", text("title: T\nurl: https://example.org/\ntheme: dunkel\n"), "site.yml:3:1: error: unknown key 'theme'", prefix: true),
        error("site.yml javascript: url", "site.yml", text("title: T\nurl: javascript:alert(1)\n"), "site.yml:2:6: error: 'url' must be a web address starting with https:// or http://"),
        error("site.yml javascript: menu entry", "site.yml", text("title: T\nurl: https://example.org/\nmenu:\n  - title: X\n    url: \"javascript:alert(1)\"\n"), "site.yml:4:5: error: javascript: addresses are not allowed in the menu"),
        Case(name: "no site.yml", files: ["site.yml": nil], status: 1, expected: "site.yml:1:1: error: missing site.yml", prefix: true),
        // Layouts: cycles would recurse without end; what does not exist is an error, not nothing
        error("a partial that includes itself", "layouts/partials/footer.mustache", text("<footer>{{> partials/footer}}</footer>\n"),
              "layouts/partials/footer.mustache:1:9: error: layout error: 'partials/footer' includes 'partials/footer', which leads back to it (partials/footer → partials/footer); rendering would never end"),
        Case(name: "two partials that include each other",
             files: ["layouts/partials/footer.mustache": text("{{> partials/quote}}\n"), "layouts/partials/quote.mustache": text("<q>{{> partials/footer}}</q>\n")],
             status: 1, expected: "layouts/partials/quote.mustache:1:4: error: layout error: 'partials/quote' includes 'partials/footer', which leads back to it (partials/footer → partials/quote → partials/footer)", prefix: true),
        Case(name: "two layouts that inherit from each other",
             files: ["layouts/page.mustache": text("{{<post}}{{$main}}x{{/main}}{{/post}}\n"), "layouts/post.mustache": text("{{<page}}{{/page}}\n")],
             status: 1, expected: "layouts/post.mustache:1:1: error: layout error: 'post' inherits from 'page', which leads back to it (page → post → page)", prefix: true),
        error("a missing partial", "layouts/post.mustache", text("{{<base}}{{$main}}\n  {{> partials/nichtda}}\n{{/main}}{{/base}}\n"),
              "layouts/post.mustache:2:3: error: layout error: the partial 'partials/nichtda' does not exist (no file partials/nichtda.mustache)"),
        error("a missing parent layout", "layouts/post.mustache", text("{{<basis}}{{/basis}}\n"),
              "layouts/post.mustache:1:1: error: layout error: the parent layout 'basis' does not exist (no file basis.mustache)"),
        error("set delimiters without a space between them", "layouts/post.mustache", text("x\n{{=<%%>=}}\n"),
              "layouts/post.mustache:2:1: error: layout error: set delimiters like {{=<% %>=}}: two delimiters, separated by a space"),
        // The file system
        Case(name: "a symbolic link out of the site", files: [:], status: 1, expected: "content/blog/passwd.md:1:1: error: symbolic link points outside the site", prefix: true,
             prepare: { root in try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("content/blog/passwd.md").path, withDestinationPath: "/etc/passwd") }),
        Case(name: "a symbolic link loop", files: [:], status: 1, expected: "content/blog/schleife:1:1: error: broken symbolic link", prefix: true,
             prepare: { root in
                 try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("content/blog/schleife").path, withDestinationPath: "schleife")
             }),
        Case(name: "a folder linked to itself", files: [:], status: 1, expected: "content/blog/kreis/kreis:1:1: error: symbolic link loop", prefix: true,
             prepare: { root in
                 let folder = root.appendingPathComponent("content/blog/kreis")
                 try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                 try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("kreis").path, withDestinationPath: folder.path)
             }),
        Case(name: "a link out of the site: nothing of its target is printed", files: [:], status: 1,
             expected: "content/blog/geheim.md:1:1: error: symbolic link points outside the site", prefix: true,
             prepare: { root in
                 let secret = try ScratchFolder.path("geheim")
                 try Data("GEHEIMNIS=hunter2\n".utf8).write(to: secret)
                 try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("content/blog/geheim.md").path, withDestinationPath: secret.path)
             }, forbidden: ["hunter2"]),
        Case(name: "a link from static/ into the output", files: [:], status: 1,
             expected: "static/kopie:1:1: error: symbolic link points into the output folder", prefix: true,
             prepare: { root in
                 try FileManager.default.createDirectory(at: root.appendingPathComponent("static"), withIntermediateDirectories: true)
                 try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("static/kopie").path, withDestinationPath: "../output")
             }),
        Case(name: "terminal escapes in a file name", files: ["content/blog/x\u{1B}]0;pwned\u{07}.md": text("---\ntitle: X\n")], status: 1,
             expected: "content/blog/x\\u{1B}]0;pwned\\u{7}.md:1:1: error: the file name contains the control character U+001B: rename the file", forbidden: ["\u{1B}", "\u{07}"]),
        Case(name: "a bidirectional override in a key", files: [post: md("title: X\ndate: 2022-01-01\nfoo\u{202E}rab: 1")], status: 1,
             expected: "content/blog/x.md:4:1: error: unknown key 'foo\\u{202E}rab'", prefix: true, forbidden: ["\u{202E}"]),
        Case(name: "terminal escapes in a source line", files: [post: md("title: X\ndate: 2022-01-01", "\u{1B}]0;pwned\u{07}\u{1B}[2J [x](/nirgends/)\n")], status: 1,
             expected: "content/blog/x.md:6:", prefix: true, forbidden: ["\u{1B}", "\u{07}"]),
        Case(name: "a named pipe", files: [:], status: 1, expected: "content/blog/rohr.md:1:1: error: not a regular file (a pipe, socket or device)",
             prepare: { root in _ = mkfifo(root.appendingPathComponent("content/blog/rohr.md").path, 0o644) }),
    ]

    @Test(arguments: cases)
    func badInput(_ badCase: Case) throws {
        let site = try TemporarySite(Self.valid)
        let first = try CommandLineRun(["build", "--quiet"], in: site.root)
        #expect(first.status == 0, "\(first.stderr)")
        let before = try site.snapshot()

        for (path, bytes) in badCase.files {
            if let bytes { try site.write(path, bytes: bytes) } else { try site.remove(path) }
        }
        try badCase.prepare?(site.root)
        let started = Date()
        let run = try CommandLineRun(["build", "--quiet"], in: site.root)
        let seconds = Date().timeIntervalSince(started)

        #expect(run.status == badCase.status, "\(run.stderr.prefix(500))")
        if let expected = badCase.expected {
            let firstLine = run.stderr.split(separator: "\n").first.map(String.init) ?? ""
            if badCase.prefix {
                #expect(firstLine.hasPrefix(expected), "\(firstLine)")
            } else {
                #expect(firstLine == expected)
            }
        }
        for text in badCase.forbidden { #expect(!(run.stderr + run.stdout).contains(text), "\(run.stderr.prefix(300))") }
        if badCase.status != 0 { #expect(try site.snapshot() == before) }
        // Bounded: no case may hang or grow without limit (a guard, not a speed test).
        #expect(seconds < 300)
        // ThreadSanitizer's shadow memory multiplies what a process uses; the guard is for
        // ordinary builds.
        if !Self.underThreadSanitizer {
            var usage = rusage()
            getrusage(RUSAGE_CHILDREN.rawValue, &usage)
            #expect(usage.ru_maxrss < 3_000_000, "peak memory \(usage.ru_maxrss) KiB")
        }
    }

    @Test func sourceDateEpochThatIsNoNumberIsAnError() throws {
        let site = try TemporarySite(Self.valid)
        let run = try CommandLineRun(executable: URL(fileURLWithPath: "/usr/bin/env"),
                                     ["SOURCE_DATE_EPOCH=abc", CommandLineRun.executable.path, "build", "--quiet"], in: site.root)
        #expect(run.status == 2)
        #expect(run.stderr.contains("SOURCE_DATE_EPOCH='abc' is not a number of seconds since 1970"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    /// What static/ holds, hidden files included, is published; `.git` and `.DS_Store` are not.
    @Test func hiddenStaticFilesArePublished() throws {
        var files = Self.valid
        files["static/.well-known/security.txt"] = "Contact: mailto:a@example.org\n"
        files["static/.nojekyll"] = ""
        files["static/.DS_Store"] = "x"
        files["static/.git/config"] = "[core]\n"
        let site = try TemporarySite(files)
        try site.build()
        #expect(try site.read(".well-known/security.txt") == "Contact: mailto:a@example.org\n")
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent(".nojekyll").path))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent(".DS_Store").path))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent(".git").path))
    }

    /// Control characters in a title reach no page: dropped as the feeds and calendars drop them.
    @Test func controlCharactersInTitlesAreDropped() throws {
        var files = Self.valid
        files["content/blog/ok.md"] = markdown("title: \"A\\x01B\\x7FC\\u0085D\\uFFFEE\"\ndate: 2022-07-05\nformats: [konvoi-begleitung]\npartners: [zpvp]")
        let site = try TemporarySite(files)
        try site.build()
        let page = try site.read("blog/ok/index.html")
        #expect(page.contains("<h1>ABCDE</h1>") || page.contains(">ABCDE<"), "\(page.prefix(2000))")
        #expect(!page.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r") || (0x7F...0x9F).contains($0.value) || $0.value == 0xFFFE })
    }

    @Test func aListedTwiceFormatCountsOnceWithAWarning() throws {
        var files = Self.valid
        files["content/blog/ok.md"] = markdown("title: OK\ndate: 2022-07-05\nformats: [konvoi-begleitung, konvoi-begleitung]\npartners: [zpvp]")
        let site = try TemporarySite(files)
        let report = try site.build()
        #expect(report.warnings.map(\.description).contains("content/blog/ok.md:4:30: warning: 'konvoi-begleitung' is listed twice in 'formats'; it counts once"))
        let format = try site.read("angebote/konvoi-begleitung/index.html")
        #expect(format.components(separatedBy: "/blog/ok/").count == 2, "the post is listed once")
    }

    static let underThreadSanitizer = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "__tsan_init") != nil

    @Test func theSuiteCoversAtLeastOneHundredThirtyCases() {
        #expect(Self.cases.count >= 130)
    }
}
