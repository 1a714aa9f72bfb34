import Foundation
import Testing
@testable import VernetztCore
@testable import VernetztEngine
@testable import VernetztModel
@testable import VernetztServe

/// The link stage through whole builds of small sites: every reference error, with its position,
/// collected together; backlinks and list order when all is well.
@Suite struct LinkTests {
    static let base: [String: String] = [
        "content/angebote/konvoi-begleitung.md": markdown("title: Konvoi-Begleitung", "## Ablauf\n\nText.\n\n## Ablauf\n"),
        "content/angebote/umsetzungsprojekt.md": markdown("title: Umsetzungsprojekt\norder: 1"),
        "content/partner/zpvp.md": markdown("title: ZPVP"),
        "content/team/christina-maischak.md": markdown("title: Christina Maischak\npartner: zpvp"),
        "content/themen/nutzerfreundlichkeit-akzeptanz.md": markdown("title: Nutzerfreundlichkeit & Akzeptanz"),
    ]

    func site(_ extra: [String: String]) throws -> TemporarySite {
        try TemporarySite(Self.base.merging(extra) { $1 })
    }

    @Test func danglingReferenceWithSuggestion() throws {
        let site = try site(["content/blog/x.md": markdown("title: X\ndate: 2022-07-05\nformats: [konvoi]")])
        #expect(site.errors() == ["content/blog/x.md:4:11: error: unknown format 'konvoi' in 'formats' (did you mean 'konvoi-begleitung'?)"])
    }

    /// Editors know the items' names, not their ids: a title (or its beginning), or a part of
    /// an id, written instead of the id is answered with that item — when only one fits.
    @Test func anItemWrittenByItsNameIsSuggested() throws {
        let site = try site([
            "content/partner/ovgu.md": markdown("title: Otto-von-Guericke-Universität Magdeburg"),
            "content/partner/iff.md": markdown("title: Fraunhofer IFF"),
            "content/partner/ipk.md": markdown("title: Fraunhofer IPK"),
            "content/blog/x.md": markdown("title: X\ndate: 2022-07-05\npartners: [Otto-von-Guericke-Universität, Fraunhofer]",
                                          "[Projekte](@angebote/projekt)\n"),
        ])
        #expect(site.errors() == [
            "content/blog/x.md:4:12: error: unknown partner 'Otto-von-Guericke-Universität' in 'partners' (did you mean 'ovgu' – Otto-von-Guericke-Universität Magdeburg?)",
            "content/blog/x.md:4:43: error: unknown partner 'Fraunhofer' in 'partners'",
            "content/blog/x.md:7:1: error: unknown format 'projekt' (did you mean 'umsetzungsprojekt' – Umsetzungsprojekt?)",
        ])
    }

    @Test func referenceToTheWrongKind() throws {
        let site = try site(["content/blog/x.md": markdown("title: X\ndate: 2022-07-05\nformats:\n  - zpvp")])
        #expect(site.errors() == ["content/blog/x.md:5:5: error: 'zpvp' is a partner, not a format in 'formats'"])
    }

    @Test func bodyLinksAndFragments() throws {
        let site = try site(["content/blog/x.md": markdown("title: X\ndate: 2022-07-05", """
            Siehe [Ablauf](@angebote/konvoi-begleitung#ablaf), [zweiter](@angebote/konvoi-begleitung#ablauf-2),
            [falsch](@angebot/konvoi-begleitung) und [fehlt](@team/niemand).
            """)])
        #expect(site.errors() == [
            "content/blog/x.md:6:7: error: no heading '#ablaf' in content/angebote/konvoi-begleitung.md (did you mean 'ablauf'?)",
            "content/blog/x.md:7:1: error: unknown folder 'angebot' in link '@angebot/konvoi-begleitung' (did you mean 'angebote'?)",
            "content/blog/x.md:7:42: error: unknown person 'niemand'",
        ])
    }

    /// A link to another content file by its path, as an editor's tool or GitHub makes it,
    /// leads to that item's page and is checked like an `@` link; other paths stay paths.
    @Test func linksToContentFilesLeadToTheirPages() throws {
        let good = try site([
            "content/blog/x.md": markdown("title: X\ndate: 2022-07-05", """
                [Ablauf](../angebote/konvoi-begleitung.md#ablauf), [Person](./../team/christina-maischak.md),
                [Fall](../praxisbeispiele/fall/index.md), [Umlaut](../partner/zp%76p.md),
                [Start](../index.md#willkommen).
                """),
            "content/praxisbeispiele/fall/index.md": markdown("title: Fall\ndate: 2022-01-01\nformats: [umsetzungsprojekt]", "Zurück zu [X](../../blog/x.md).\n"),
            "content/index.md": markdown("title: Start", "## Willkommen\n\nZum [Beitrag](blog/x.md).\n"),
        ])
        try good.build()
        let post = HTMLPage(html: try good.read("blog/x/index.html"))
        #expect(post.links.contains("/angebote/konvoi-begleitung/#ablauf"))
        #expect(post.links.contains("/team/christina-maischak/"))
        #expect(post.links.contains("/praxisbeispiele/fall/"))
        #expect(post.links.contains("/partner/zpvp/"))
        // The home page's file is no folder's item, yet its page is as sure to be there.
        #expect(post.links.contains("/#willkommen"))
        #expect(HTMLPage(html: try good.read("index.html")).links.contains("/blog/x/"))
        #expect(!post.links.contains { $0.hasSuffix(".md") || $0.contains(".md#") })
        #expect(HTMLPage(html: try good.read("praxisbeispiele/fall/index.html")).links.contains("/blog/x/"))
        // Linked like an `@` link: the target lists the post among what refers to it.
        #expect(HTMLPage(html: try good.read("team/christina-maischak/index.html")).links.contains("/blog/x/"))

        let bad = try site(["content/blog/x.md": markdown("title: X\ndate: 2022-07-05", """
            [A](../angebote/konvoi.md), [B](../angebote/konvoi-begleitung.md#ablaf),
            [C](../../README.md), [D](../blog/tief/innen/y.md), [E](../../../x.md) [F](../blog/.md)
            [G](../index.md#nirgends)
            """), "content/index.md": markdown("title: Start", "## Willkommen\n")])
        #expect(bad.errors() == [
            "content/blog/x.md:6:1: error: unknown format 'konvoi' (did you mean 'konvoi-begleitung'?)",
            "content/blog/x.md:6:29: error: no heading '#ablaf' in content/angebote/konvoi-begleitung.md (did you mean 'ablauf'?)",
            "content/blog/x.md:7:1: error: link '../../README.md' leads to no item (it leads to README.md): a link to a file names content/<folder>/<id>.md or content/<folder>/<id>/index.md, seen from the file it is written in",
            "content/blog/x.md:7:23: error: link '../blog/tief/innen/y.md' leads to no item (it leads to content/blog/tief/innen/y.md): a link to a file names content/<folder>/<id>.md or content/<folder>/<id>/index.md, seen from the file it is written in",
            "content/blog/x.md:7:53: error: link '../../../x.md' leads to no item (it leads out of the site's folder): a link to a file names content/<folder>/<id>.md or content/<folder>/<id>/index.md, seen from the file it is written in",
            "content/blog/x.md:7:72: error: link '../blog/.md' leads to no item (it leads to content/blog/.md): a link to a file names content/<folder>/<id>.md or content/<folder>/<id>/index.md, seen from the file it is written in",
            "content/blog/x.md:8:1: error: no heading '#nirgends' in content/index.md",
        ])
    }

    @Test func allErrorsOfAllFilesAtOnce() throws {
        let site = try site([
            "content/blog/a.md": markdown("title: A\ndate: 2022-07-05\nauthors: [christina]"),
            "content/blog/b.md": markdown("title: B\ndate: 2022-07-05\nthemes: [safety]"),
        ])
        #expect(site.errors() == [
            "content/blog/a.md:4:11: error: unknown person 'christina' in 'authors' (did you mean 'christina-maischak'?)",
            "content/blog/b.md:4:10: error: unknown theme 'safety' in 'themes'",
        ])
    }

    @Test func duplicateIdFromFileAndBundle() throws {
        let site = try site([
            "content/blog/x.md": markdown("title: X\ndate: 2022-07-05"),
            "content/blog/x/index.md": markdown("title: X2\ndate: 2022-07-05"),
        ])
        #expect(site.errors() == ["content/blog/x/index.md:1:1: error: duplicate id 'x': content/blog/x.md has the same id"])
    }

    @Test func duplicateOutputPathFromSlugs() throws {
        let site = try site([
            "content/seiten/a.md": markdown("title: A\nslug: gleich"),
            "content/seiten/b.md": markdown("title: B\nslug: gleich"),
            "content/seiten/c.md": markdown("title: C\nslug: blog"),
        ])
        #expect(site.errors() == [
            "content/seiten/b.md:3:1: error: output path '/gleich/' is also written by content/seiten/a.md",
            "content/seiten/c.md:3:1: error: output path '/blog/' is also written by the list page of blog/",
        ])
    }

    @Test func aliasesAreCheckedAndCollisionsFound() throws {
        let site = try site([
            "content/seiten/a.md": markdown("title: A\naliases: [\"/alt/a.html\", \"/../../etc/x\", \"/angebote/konvoi-begleitung/\", \"relativ\"]"),
        ])
        #expect(site.errors() == [
            "content/seiten/a.md:3:26: error: invalid alias '/../../etc/x': it must not contain '.' or '..' segments or hidden names",
            "content/seiten/a.md:3:42: error: alias '/angebote/konvoi-begleitung/' collides with content/angebote/konvoi-begleitung.md",
            "content/seiten/a.md:3:74: error: invalid alias 'relativ': it must start with '/'",
        ])
    }

    @Test func backlinksAndReferencesInBothDirections() throws {
        let site = try site([
            "content/blog/x.md": markdown("title: Beitrag X\ndate: 2022-07-05\nauthors: [christina-maischak]\nformats: [konvoi-begleitung]",
                                          "Zum [Umsetzungsprojekt](@angebote/umsetzungsprojekt).\n"),
            "content/stimmen/s.md": markdown("source: Ein Unternehmen\nformat: konvoi-begleitung", "Sehr gut.\n"),
        ])
        try site.build()
        let format = HTMLPage(html: try site.read("angebote/konvoi-begleitung/index.html"))
        #expect(format.links.contains("/blog/x/"))
        // A testimonial has no page of its own: the link leads to its place on the list.
        #expect(format.links.contains("/stimmen/#stimmen-s"))
        #expect(try site.read("stimmen/index.html").contains("<h2 class=\"quote-heading\" id=\"stimmen-s\">Ein Unternehmen · Konvoi-Begleitung</h2>"))
        #expect(!site.exists("stimmen/s/index.html"))
        let viaBody = HTMLPage(html: try site.read("angebote/umsetzungsprojekt/index.html"))
        #expect(viaBody.links.contains("/blog/x/"))
        let person = HTMLPage(html: try site.read("team/christina-maischak/index.html"))
        #expect(person.links.contains("/blog/x/"))
        #expect(person.links.contains("/partner/zpvp/"))
        let partner = HTMLPage(html: try site.read("partner/zpvp/index.html"))
        #expect(partner.links.contains("/team/christina-maischak/"))
        let post = HTMLPage(html: try site.read("blog/x/index.html"))
        #expect(post.links.contains("/team/christina-maischak/"))
        #expect(post.links.contains("/angebote/konvoi-begleitung/"))
        #expect(post.links.contains("/angebote/umsetzungsprojekt/"))
        #expect(try site.read("angebote/konvoi-begleitung/index.html").contains("Sehr gut."))
    }

    @Test func referencesToDraftsWarnAndDropTheLink() throws {
        let site = try site([
            "content/blog/entwurf.md": markdown("title: Entwurf\ndate: 2022-07-05\ndraft: true"),
            "content/blog/x.md": markdown("title: X\ndate: 2022-07-05", "Siehe [den Entwurf](@blog/entwurf).\n"),
        ])
        let report = try site.build()
        #expect(report.warnings.map(\.description).contains(
            "content/blog/x.md:6:7: warning: 'entwurf' is not published (content/blog/entwurf.md): the link is left out until it is"))
        #expect(!site.exists("blog/entwurf/index.html"))
        let html = try site.read("blog/x/index.html")
        #expect(html.contains("Siehe den Entwurf."))
        try site.build(drafts: true)
        #expect(site.exists("blog/entwurf/index.html"))
        #expect(HTMLPage(html: try site.read("blog/x/index.html")).links.contains("/blog/entwurf/"))
    }

    @Test func listsFollowGermanOrderAndDates() throws {
        let site = try site([
            "content/partner/aerzte.md": markdown("title: Ärztekammer"),
            "content/partner/apotheke.md": markdown("title: Apotheke"),
            "content/partner/zahn.md": markdown("title: Zahnarzt"),
            "content/blog/alt.md": markdown("title: Alt\ndate: 2020-01-01"),
            "content/blog/neu.md": markdown("title: Neu\ndate: 2022-01-01"),
        ])
        try site.build()
        let partners = HTMLPage(html: try site.read("partner/index.html")).links.filter { $0.hasPrefix("/partner/") }
        #expect(partners == ["/partner/apotheke/", "/partner/aerzte/", "/partner/zahn/", "/partner/zpvp/"])
        let posts = HTMLPage(html: try site.read("blog/index.html")).links.filter { $0.hasPrefix("/blog/") && $0 != "/blog/" }
        #expect(posts == ["/blog/neu/", "/blog/alt/"])
        let formats = HTMLPage(html: try site.read("angebote/index.html")).links.filter { $0.hasPrefix("/angebote/") && $0 != "/angebote/" }
        #expect(formats == ["/angebote/umsetzungsprojekt/", "/angebote/konvoi-begleitung/"])
    }
}

@Suite struct LocalLinkTests {
    /// A picture named in front matter or a body must be there: an error at the line that
    /// names it, with the nearest file beside it.
    @Test func missingPicturesAreErrorsWithTheFileBesideThem() throws {
        let site = try TemporarySite([
            "content/blog/a/index.md": markdown("title: A\ndate: 2022-01-01\nimage: foto.jpg\nimage_alt: Eine Halle", "![Halle](halle.png)\n"),
            "content/blog/a/fotos.jpg": TestPictures.jpegMarker,
            "content/blog/a/halle.png": TestPictures.pngMarker,
            "content/blog/b.md": markdown("title: B\ndate: 2022-01-01\nimage: /bilder/b.jpg\nimage_alt: B"),
            "static/bilder/b.jpg": TestPictures.jpegMarker,
            "content/blog/c.md": markdown("title: C\ndate: 2022-01-01\nimage: bild.jpg\nimage_alt: C"),
        ])
        #expect(site.errors() == [
            "content/blog/a/index.md:4:8: error: missing picture 'foto.jpg': there is no file /blog/a/foto.jpg (did you mean 'fotos.jpg'?)",
            "content/blog/c.md:4:8: error: missing picture 'bild.jpg': there is no file /blog/c/bild.jpg",
        ])
    }

    @Test func pathsInBodiesMustLeadToFilesAndHeadings() throws {
        let site = try TemporarySite([
            "content/angebote/a.md": markdown("title: A", "## Ablauf\n\nText.\n"),
            "content/praxisbeispiele/fall/index.md": markdown("title: Fall\ndate: 2022-01-01\nformats: [a]", """
                Gut: [A](/angebote/a/#ablauf), [Liste](../), [Start](/), ![Halle](halle.jpg), [Hier](#ergebnis),
                [extern](https://example.com/x), [Mail](mailto:a@b.de), [Feed](/feed.xml).

                ## Ergebnis

                Schlecht: [fehlt](/angebote/b/), [Anker](/angebote/a/#ablaeufe), ![Bild](fehlt.jpg),
                [raus](../../../../etc/passwd), [hier](#nirgends).
                """),
            "content/praxisbeispiele/fall/halle.jpg": TestPictures.jpegMarker,
        ])
        #expect(site.errors() == [
            "content/praxisbeispiele/fall/index.md:12:11: error: broken link '/angebote/b/': there is no page or file /angebote/b/",
            "content/praxisbeispiele/fall/index.md:12:34: error: no heading '#ablaeufe' on /angebote/a/ (did you mean 'ablauf'?)",
            "content/praxisbeispiele/fall/index.md:12:66: error: missing picture 'fehlt.jpg': there is no file /praxisbeispiele/fall/fehlt.jpg",
            "content/praxisbeispiele/fall/index.md:13:1: error: link '../../../../etc/passwd' leads outside the site",
            "content/praxisbeispiele/fall/index.md:13:33: error: no heading '#nirgends' on /praxisbeispiele/fall/",
        ])
    }

    /// A photo beside a page is published only in the sizes made for showing it: a plain link
    /// to it has no file to lead to, and says how to show it instead.
    @Test func aLinkToAPictureBesideAPageSaysHowToShowIt() throws {
        let site = try TemporarySite([
            "content/seiten/s/index.md": markdown("title: S", "Das [Foto](foto.jpg).\n"),
            "content/seiten/s/foto.jpg": TestPictures.jpegMarker,
        ])
        #expect(site.errors() == [
            "content/seiten/s/index.md:5:5: error: link 'foto.jpg' to a picture: a picture beside a page is published only in the sizes made for showing it; show it with ![what it shows](foto.jpg)",
        ])
    }
}
