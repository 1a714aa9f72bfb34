import Foundation
import Testing
@testable import VernetztCore
@testable import VernetztEngine
@testable import VernetztModel

/// Videos and maps after one click: an address alone on a line becomes a placeholder that asks
/// nothing of the provider; everything else stays a link.
@Suite struct MediaEmbedTests {
    func parse(_ body: String, rawHTML: Bool = false) -> MarkdownParser.Result {
        MarkdownParser(allowsRawHTML: rawHTML).parse(body, path: "content/blog/x.md", firstLine: 5)
    }

    func html(_ body: String) -> String {
        MarkdownRenderer().render(parse(body).body, resolvedLinks: [:])
    }

    @Test(arguments: [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1", "Video auf YouTube"),
        ("<https://youtu.be/dQw4w9WgXcQ>", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1", "Video auf YouTube"),
        ("[Die Degustation im Film](https://vimeo.com/76979871)", "https://player.vimeo.com/video/76979871?dnt=1&amp;autoplay=1", "Die Degustation im Film"),
        ("[Festung Mark](https://www.openstreetmap.org/?mlat=52.1386&mlon=11.6458#map=17/52.1386/11.6458)",
         "https://www.openstreetmap.org/export/embed.html?bbox=", "Festung Mark"),
    ])
    func anAddressAloneOnALineBecomesATwoClickEmbed(markdown: String, frame: String, title: String) {
        let result = parse("Davor.\n\n\(markdown)\n\nDanach.\n")
        let html = MarkdownRenderer().render(result.body, resolvedLinks: [:])
        #expect(result.body.hasMediaEmbeds)
        #expect(html.contains("<figure class=\"embed\" data-embed=\"\(frame)"), "\(html)")
        #expect(html.contains("<p class=\"embed-title\">\(title)</p>"))
        #expect(html.contains("<button type=\"button\" class=\"embed-load\" data-waiting>"))
        // Nothing the browser would fetch: no src, no iframe — only the data attribute and the link.
        #expect(!html.contains("src=") && !html.contains("<iframe"))
        #expect(html.contains("Erst wenn Sie es laden, gehen Daten – darunter Ihre IP-Adresse – an"))
        #expect(html.hasPrefix("<p>Davor.</p>") && html.hasSuffix("<p>Danach.</p>\n"))
    }

    @Test func addressesInTextOrElsewhereStayLinks() {
        for body in ["Siehe https://www.youtube.com/watch?v=dQw4w9WgXcQ im Text.\n",
                     "[Kanal](https://www.youtube.com/@kanal)\n",
                     "https://example.org/watch?v=dQw4w9WgXcQ\n",
                     "[Karte](https://www.openstreetmap.org/)\n"] {
            let result = parse(body)
            #expect(!result.body.hasMediaEmbeds, "\(body)")
            #expect(!MarkdownRenderer().render(result.body, resolvedLinks: [:]).contains("embed"), "\(body)")
        }
    }

    @Test func aTitleIsEscaped() {
        let html = html("[<script>x</script> & \"Film\"](https://youtu.be/dQw4w9WgXcQ)\n")
        #expect(!html.contains("<script>"))
        #expect(html.contains("data-embed-title=\"x &amp; &quot;Film&quot;\""), "\(html)")
    }

    @Test func aPastedIframeIsAWarningThatPointsToTheEmbed() {
        let pasted = "<iframe width=\"560\" height=\"315\" src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\"></iframe>\n"
        for rawHTML in [false, true] {
            let result = parse(pasted, rawHTML: rawHTML)
            #expect(result.diagnostics.map(\.description) == [
                "content/blog/x.md:5:1: warning: an <iframe> is not published (it would load the provider's page for every reader): put the video's or map's address alone on a line, vernetzt shows it after one click",
            ])
            #expect(!MarkdownRenderer().render(result.body, resolvedLinks: [:]).contains("<iframe"))
        }
    }

    /// With raw HTML on, the sanitiser runs over the body — and leaves the embed's button alone.
    @Test func theEmbedSurvivesTheSanitiser() {
        let html = MarkdownRenderer().render(parse("<b>fett</b>\n\nhttps://youtu.be/dQw4w9WgXcQ\n", rawHTML: true).body, resolvedLinks: [:])
        #expect(html.contains("<button type=\"button\" class=\"embed-load\" data-waiting>") && html.contains("<b>fett</b>"))
    }

    @Test func onlyPagesWithAnEmbedLoadItsScript() throws {
        let site = try TemporarySite([
            "content/seiten/film.md": markdown("title: Film", "https://youtu.be/dQw4w9WgXcQ\n"),
            "content/seiten/text.md": markdown("title: Text", "Nur Text.\n"),
        ])
        try site.build()
        let scripts = { (page: String) in try HTMLPage(html: site.read(page)).tags.filter { $0.name == "script" }.compactMap { $0.attributes["src"] } }
        #expect(try scripts("film/index.html") == ["/assets/embed.js"])
        #expect(try scripts("text/index.html").isEmpty)
        #expect(site.exists("assets/embed.js"))
    }
}
