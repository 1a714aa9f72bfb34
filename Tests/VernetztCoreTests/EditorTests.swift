import Foundation
import Testing
@testable import VernetztCore
@testable import VernetztEngine
@testable import VernetztModel
@testable import VernetztServe

@Suite struct ScaffoldTests {
    @Test func everyKindCreatesADraftThatBuilds() throws {
        let site = try TemporarySite(["content/angebote/konvoi-begleitung.md": markdown("title: Konvoi-Begleitung")])
        let scaffolder = Scaffolder(root: site.root)
        let now = try #require(BuildOptions.parseNow("2026-11-29T10:00:00+01:00"))
        for kind in Schema.builtIn.kinds {
            let path = try scaffolder.create(folder: kind.folder, title: "Neu: \"Zitat\" & mehr # \(kind.folder)", now: now)
            #expect(path == "content/\(kind.folder)/neu-zitat-mehr-\(kind.folder).md")
            let text = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
            #expect(text.contains("draft: true"))
            if kind.name == "post" { #expect(text.contains("date: 2026-11-29")) }
            if kind.name == "post" { #expect(text.contains("# Angebote, ids aus content/angebote/: konvoi-begleitung")) }
        }
        var options = site.options(drafts: true)
        options.now = now
        let report = try SiteBuilder().build(options)
        #expect(report.documents == Schema.builtIn.kinds.count + 1)
        let post = try site.read("blog/neu-zitat-mehr-blog/index.html")
        #expect(post.contains("Neu: &quot;Zitat&quot; &amp; mehr # blog"))
        #expect(post.contains("Entwurf"))
        // Without --drafts, none of them is published.
        #expect(try SiteBuilder().build(site.options()).documents == 1)
    }

    @Test func refusesToOverwriteAndNamesUnknownFolders() throws {
        let site = try TemporarySite([:])
        let scaffolder = Scaffolder(root: site.root)
        _ = try scaffolder.create(folder: "blog", title: "Eins", now: Date())
        #expect(throws: BuildFailure.self) { try scaffolder.create(folder: "blog", title: "Eins", now: Date()) }
        do {
            _ = try scaffolder.create(folder: "angebot", title: "X", now: Date())
            Issue.record("an unknown folder was accepted")
        } catch {
            #expect(error.description.hasPrefix("content/angebot:1:1: error: unknown folder 'angebot' (did you mean 'angebote'?)"))
        }
    }

    @Test func commandLinePrintsThePathAndWhatToDoNext() throws {
        let site = try TemporarySite([:])
        // No VERNETZT_LANG: the site's language, German.
        let run = try CommandLineRun(["new", "blog", "Wirkungen der Konvoi-Begleitung"], in: site.root, language: nil)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "Entwurf angelegt: content/blog/wirkungen-der-konvoi-begleitung.md\n"
                + "Vorschau: vernetzt serve – zum Veröffentlichen die Zeile „draft: true“ entfernen.\n")
        let again = try CommandLineRun(["new", "blog", "Wirkungen der Konvoi-Begleitung", "--bundle"], in: site.root, language: nil)
        #expect(again.status == 1)
        #expect(again.stderr.contains("content/blog/wirkungen-der-konvoi-begleitung.md:1:1: Fehler: Gibt es schon (der Eintrag „wirkungen-der-konvoi-begleitung“): nichts wurde überschrieben"), "\(again.stderr)")
        let english = try CommandLineRun(["new", "blog", "Wirkungen der Konvoi-Begleitung", "--lang", "en"], in: site.root, language: nil)
        #expect(english.stderr.contains("content/blog/wirkungen-der-konvoi-begleitung.md:1:1: error: exists already (the item 'wirkungen-der-konvoi-begleitung'): nothing was overwritten"), "\(english.stderr)")
    }

    /// Run where there is no site, `new` writes nothing and says what is missing.
    @Test func refusesAFolderWithoutSite() throws {
        let folder = try ScratchFolder.make("no-site")
        let run = try CommandLineRun(["new", "blog", "Titel"], in: folder, language: nil)
        #expect(run.status == 1 && run.stderr.hasPrefix("site.yml:1:1: Fehler: site.yml fehlt"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("content").path))
        let elsewhere = try CommandLineRun(["new", "blog", "Titel", "--root", folder.path + "/neu"], in: folder, language: nil)
        #expect(elsewhere.status == 1 && elsewhere.stderr.hasPrefix(folder.path + "/neu/site.yml:1:1: Fehler: site.yml fehlt"), "\(elsewhere.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("neu").path))
    }

    /// `--bundle` makes the post a folder, ready for a photo beside the text.
    @Test func aBundleIsAFolderWithIndexAndBuilds() throws {
        let site = try TemporarySite([:])
        let run = try CommandLineRun(["new", "blog", "Mit Foto", "--bundle"], in: site.root, language: "de")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("Entwurf angelegt: content/blog/mit-foto/index.md\nBilder und Dateien legen Sie in den Ordner content/blog/mit-foto/ neben index.md.\n"))
        try site.write("content/blog/mit-foto/foto.jpg", bytes: TestPictures.jpeg)
        let text = try String(contentsOf: site.root.appendingPathComponent("content/blog/mit-foto/index.md"), encoding: .utf8)
        try site.write("content/blog/mit-foto/index.md", text.replacingOccurrences(of: "draft: true", with: "image: foto.jpg\nimage_alt: Ein Foto"))
        try site.build()
        #expect(try site.read("blog/mit-foto/index.html").contains("<picture>"))
        let twice = try CommandLineRun(["new", "blog", "Mit Foto"], in: site.root)
        #expect(twice.stderr.contains("content/blog/mit-foto:1:1: error: exists already"), "\(twice.stderr)")
    }
}

@Suite struct VisibilityTests {
    static let files: [String: String] = [
        "content/blog/jetzt.md": markdown("title: Jetzt\ndate: 2022-06-01"),
        "content/blog/entwurf.md": markdown("title: Entwurf\ndate: 2022-06-01\ndraft: true"),
        "content/blog/geplant.md": markdown("title: Geplant\ndate: 2022-08-01"),
        "content/blog/abgelaufen.md": markdown("title: Abgelaufen\ndate: 2022-01-01\nexpires: 2022-06-30"),
        "content/veranstaltungen/bald.md": markdown("title: Bald\nstart: 2022-09-01"),
        "content/blog/verweis.md": markdown("title: Verweis\ndate: 2022-06-02", "Siehe [geplant](@blog/geplant).\n"),
    ]

    func build(_ configure: (inout BuildOptions) -> Void = { _ in }) throws -> TemporarySite {
        let site = try TemporarySite(Self.files)
        var options = site.options()
        options.now = try #require(BuildOptions.parseNow("2022-07-01T00:00:00+02:00"))
        configure(&options)
        try SiteBuilder().build(options)
        return site
    }

    @Test func onlyWhatIsPublishedAtNowIsBuilt() throws {
        let site = try build()
        #expect(site.exists("blog/jetzt/index.html"))
        #expect(site.exists("veranstaltungen/bald/index.html"))  // a future event is not "scheduled"
        for hidden in ["entwurf", "geplant", "abgelaufen"] {
            #expect(!site.exists("blog/\(hidden)/index.html"))
            #expect(!(try site.read("blog/index.html")).contains("/blog/\(hidden)/"))
            #expect(!(try site.read("feed.xml")).contains("/blog/\(hidden)/"))
            #expect(!(try site.read("sitemap.xml")).contains("/blog/\(hidden)/"))
        }
        #expect(try site.read("blog/verweis/index.html").contains("Siehe geplant."))
    }

    @Test func flagsBringThemBackMarked() throws {
        let site = try build { $0.includeDrafts = true; $0.includeFuture = true; $0.includeExpired = true }
        #expect(try site.read("blog/entwurf/index.html").contains("<span class=\"badge\">Entwurf</span>"))
        #expect(try site.read("blog/geplant/index.html").contains("<span class=\"badge\">Geplant</span>"))
        #expect(try site.read("blog/abgelaufen/index.html").contains("<span class=\"badge\">Abgelaufen</span>"))
        #expect(HTMLPage(html: try site.read("blog/verweis/index.html")).links.contains("/blog/geplant/"))
    }
}
