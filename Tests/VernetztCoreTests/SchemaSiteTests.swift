import Foundation
import Testing
@testable import VernetztCore
@testable import VernetztEngine
@testable import VernetztModel
@testable import VernetztServe

/// A site that adds a kind (`projekte/`) and a field (`contact` on formats) only through its
/// `layouts/schema.yml` and layouts — no Swift — and gets what built-in kinds get: validation
/// with positions, backlinks on both sides, feeds, the sitemap, JSON-LD and a `new` template.
@Suite struct SchemaSiteTests {
    static let schema = """
        backlink_order: [testimonial, project, casestudy, event, post, format, theme, partner, person, page]
        kinds:
          format:
            fields:
              contact: {type: reference, to: person, many: true, title: Ansprechpersonen}
          project:
            folder: projekte
            singular: Projekt
            plural: Projekte
            date: start
            order: newest-first
            roles: [feed, list_feed, related]
            json_ld: CreativeWork
            fields:
              start: {type: date, required: true, title: Projektbeginn, json_ld: dateCreated}
              partners: {type: reference, to: partner, many: true, min: 1, title: Partner, facet: true}
              formats: {type: reference, to: format, many: true, title: Angebote, facet: true}
              funding: {type: number, title: Fördersumme}
              stage:
                type: enum
                title: Stand
                values: {laufend: Läuft, abgeschlossen: Abgeschlossen}
              report: {type: markdown, title: Bericht}
        """

    static let projectLayout = """
        {{<base}}{{$main}}<article>{{> partials/search-filters}}<h1>{{heading}}</h1>
        <p class="stage">{{stage_title}}</p><p class="funding">{{funding}}</p>
        <p class="start">{{#start}}{{text}}{{/start}}</p>
        {{#report}}<div class="report">{{{report}}}</div>{{/report}}
        {{{content}}}</article>
        {{#partners}}<h2>{{title}}</h2>{{> partials/refs}}{{/partners}}
        {{#backlink_groups}}{{> partials/group}}{{/backlink_groups}}
        {{/main}}{{/base}}
        """

    static let files = [
        "content/partner/zpvp.md": markdown("title: ZPVP"),
        "content/team/stefan-voigt.md": markdown("title: Dr. Stefan Voigt\npartner: zpvp"),
        "content/angebote/konvoi-begleitung.md": markdown("title: Konvoi-Begleitung\ncontact: [stefan-voigt]"),
        "content/projekte/ki-pilot.md": markdown("""
            title: KI-Pilot
            start: 2022-03-01
            partners: [zpvp]
            formats: [konvoi-begleitung]
            funding: 25000
            stage: laufend
            report: "Mit der [Konvoi-Begleitung](@angebote/konvoi-begleitung)."
            """),
        "layouts/schema.yml": schema,
        "layouts/project.mustache": projectLayout,
    ]

    /// The repo's format layout with the contact people shown.
    static func formatLayout() throws -> String {
        let layout = try String(contentsOf: TemporarySite.repoRoot.appendingPathComponent("layouts/format.mustache"), encoding: .utf8)
        return layout.replacingOccurrences(of: "{{/main}}", with: "{{#contact}}<section class=\"contact\"><h2>{{title}}</h2>{{> partials/refs}}</section>{{/contact}}\n{{/main}}")
    }

    @Test func aNewKindAndFieldBuildLikeBuiltInOnes() throws {
        let site = try TemporarySite(Self.files)
        try site.write("layouts/format.mustache", try Self.formatLayout())
        try site.build()

        let project = HTMLPage(html: try site.read("projekte/ki-pilot/index.html"))
        #expect(project.links.contains("/partner/zpvp/"))
        let html = try site.read("projekte/ki-pilot/index.html")
        #expect(html.contains("<p class=\"stage\">Läuft</p>") && html.contains("<p class=\"funding\">25000</p>"))
        #expect(html.contains("<p class=\"start\">1. März 2022</p>"))
        #expect(html.contains("<div class=\"report\"><p>Mit der <a href=\"/angebote/konvoi-begleitung/\">Konvoi-Begleitung</a>.</p>"))
        #expect(html.contains("\"@type\":\"CreativeWork\"") && html.contains("\"dateCreated\":\"2022-03-01\""))

        // Backlinks on both sides: the partner and the format list the project, first (backlink_order).
        let partner = try site.read("partner/zpvp/index.html")
        #expect(partner.contains("<h2>Projekte</h2>") && partner.contains("/projekte/ki-pilot/"))
        #expect(partner.range(of: "<h2>Projekte</h2>")!.lowerBound < partner.range(of: "<h2>Team</h2>")!.lowerBound)
        // The new field on a built-in kind: the format shows its contact; the person links back.
        let format = try site.read("angebote/konvoi-begleitung/index.html")
        #expect(format.contains("<section class=\"contact\"><h2>Ansprechpersonen</h2>") && format.contains("/team/stefan-voigt/"))
        #expect(try site.read("team/stefan-voigt/index.html").contains("/angebote/konvoi-begleitung/"))

        // Feeds, the list page, the sitemap.
        #expect(try site.read("feed.xml").contains("https://example.org/projekte/ki-pilot/"))
        #expect(try site.read("projekte/feed.xml").contains("<title>KI-Pilot</title>"))
        #expect(try site.read("angebote/konvoi-begleitung/feed.xml").contains("KI-Pilot"))
        #expect(HTMLPage(html: try site.read("projekte/index.html")).links.contains("/projekte/ki-pilot/"))
        #expect(try site.read("sitemap.xml").contains("<loc>https://example.org/projekte/ki-pilot/</loc><lastmod>2022-03-01</lastmod>"))
    }

    /// The new kind's facets are search filters, named by the kinds they point to.
    @Test func theNewKindsFacetsAreSearchFilters() throws {
        let site = try TemporarySite(Self.files, config: TemporarySite.minimalConfig + "search: true\n")
        try site.build()
        let html = try site.read("projekte/ki-pilot/index.html")
        #expect(html.contains(#"data-pagefind-filter="Art:Projekt""#))
        #expect(html.contains(#"data-pagefind-filter="Partner:ZPVP""#))
        #expect(html.contains(#"data-pagefind-filter="Angebot:Konvoi-Begleitung""#))
    }

    @Test func theNewKindIsCheckedWithPositions() throws {
        var files = Self.files
        files["content/projekte/ki-pilot.md"] = markdown("title: KI-Pilot\nstart: 2022-03-01T10:00\npartnres: [zpvp]\nstage: offen\nfunding: viel")
        files["content/projekte/zweites.md"] = markdown("title: Zweites\nstart: 2022-03-01\npartners: [zpv]")
        let site = try TemporarySite(files)
        #expect(site.errors() == [
            "content/projekte/ki-pilot.md:1:1: error: a project needs at least one entry in 'partners'",
            "content/projekte/ki-pilot.md:3:8: error: 'start' is a day without a time: write it like 2022-07-05",
            "content/projekte/ki-pilot.md:4:1: error: unknown key 'partnres' (did you mean 'partners'?)",
            "content/projekte/ki-pilot.md:5:8: error: 'stage' must be one of 'laufend', 'abgeschlossen', not 'offen'",
            "content/projekte/ki-pilot.md:6:10: error: 'funding' must be a whole number",
            // The other file's reference is checked in the same run.
            "content/projekte/zweites.md:4:12: error: unknown partner 'zpv' in 'partners' (did you mean 'zpvp'?)",
        ])
        try site.write("content/projekte/ki-pilot.md", Self.files["content/projekte/ki-pilot.md"]!)
        #expect(site.errors() == [
            "content/projekte/zweites.md:4:12: error: unknown partner 'zpv' in 'partners' (did you mean 'zpvp'?)",
        ])
    }

    @Test func newWritesTheKindsTemplateFromTheSchema() throws {
        let site = try TemporarySite(Self.files)
        let now = try #require(BuildOptions.parseNow("2026-11-30T10:00:00+01:00"))
        let path = try Scaffolder(root: site.root).create(folder: "projekte", title: "Neues Projekt", now: now)
        #expect(path == "content/projekte/neues-projekt.md")
        let text = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
        #expect(text.hasPrefix("---\ntitle: \"Neues Projekt\"\nstart: 2026-11-30\ndraft: true\n"))
        #expect(text.contains("# Partner, ids aus content/partner/: zpvp\npartners: []\n"))
        #expect(text.contains("# Stand: laufend | abgeschlossen\n# stage: laufend\n"))
        // What it writes builds (as a draft, with its partner filled in).
        try site.write(path, text.replacingOccurrences(of: "partners: []", with: "partners: [zpvp]"))
        try site.build(drafts: true)
        #expect(site.exists("projekte/neues-projekt/index.html"))
    }

    @Test func aBrokenSchemaStopsTheBuildAtItsLine() throws {
        var files = Self.files
        files["layouts/schema.yml"] = "kinds:\n  project:\n    folder: projekte\n    singular: P\n    plural: P\n    fields:\n      partners: {type: reference, to: partnr}\n"
        let site = try TemporarySite(files)
        #expect(site.errors() == [
            "layouts/schema.yml:7:35: error: unknown kind 'partnr' in 'to' (did you mean 'partner'?); kinds are post, casestudy, format, partner, event, person, theme, testimonial, page, project",
        ])
    }
}
