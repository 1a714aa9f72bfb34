import Foundation
import Testing
@testable import VernetztCore
@testable import VernetztEngine
@testable import VernetztModel

/// One run lists every error of every file: a file that cannot be read or parsed does not hide
/// the others' unknown references, broken `@` links, broken paths and missing pictures.
@Suite struct OneRunTests {
    @Test func tenMistakesInTenFilesAreListedTogether() throws {
        let site = try TemporarySite(TenMistakes.files)
        let errors = site.errors()
        let files = errors.map { String($0.prefix { $0 != ":" }) }
        #expect(files == ["content/blog/a.md", "content/blog/b.md", "content/blog/c.md", "content/blog/d.md", "content/blog/e.md",
                          "content/blog/f.md", "content/blog/g/index.md", "content/blog/h.md", "content/blog/j.md",
                          "content/veranstaltungen/i.md"], "\(errors.joined(separator: "\n"))")
        #expect(!errors.contains { $0.hasPrefix("content/blog/k.md") })
        #expect(errors.contains("content/blog/d.md:6:7: error: broken link '/kontakt/': there is no page or file /kontakt/"))
        #expect(errors.contains("content/blog/b.md:4:11: error: unknown format 'konvio' in 'formats' (did you mean 'konvoi'?)"))
    }

    /// A file's own wrong date does not hide its own unknown references and `@` links: the
    /// editor fixes all of them after one run.
    @Test func aFileWithErrorsHasItsLinksCheckedToo() throws {
        let site = try TemporarySite([
            "content/angebote/konvoi.md": markdown("title: Konvoi"),
            "content/blog/a.md": markdown("title: A\ndate: 2022-13-05\nformats: [konvio]\nautor: x") + "Siehe [b](@blog/bb) und [k](@angebote/konvoi#ablauf).\n",
            "content/blog/b.md": markdown("title: B\ndate: 2022-07-05") + "Zu [a](@blog/a).\n",
        ])
        let errors = site.errors()
        #expect(errors.contains { $0.hasPrefix("content/blog/a.md:3:7: error: ") }, "\(errors)")
        #expect(errors.contains("content/blog/a.md:4:11: error: unknown format 'konvio' in 'formats' (did you mean 'konvoi'?)"), "\(errors)")
        #expect(errors.contains("content/blog/a.md:9:7: error: unknown post 'bb' (did you mean 'b'?)"), "\(errors)")
        #expect(errors.contains("content/blog/a.md:9:25: error: no heading '#ablauf' in content/angebote/konvoi.md"), "\(errors)")
        // The link to the file with errors is no error of its own.
        #expect(!errors.contains { $0.hasPrefix("content/blog/b.md") }, "\(errors)")
    }
}

/// What a build used to pass over without a word.
@Suite struct SilentCasesTests {
    @Test func filesThatAreNotReadOrNotPublishedSaySo() throws {
        let site = try TemporarySite([
            "content/blog/a.markdown": markdown("title: A\ndate: 2022-01-01"),
            "content/blog/b.MD": markdown("title: B\ndate: 2022-01-01"),
            "content/blog/c.txt": markdown("title: C\ndate: 2022-01-01"),
            "content/blog/d.md": markdown("title: D\ndate: 2022-01-01"),
            "content/blog/foto.jpg": TestPictures.jpegMarker,
            // An editor's backups are skipped quietly; a file in a page's own folder is published.
            "content/blog/d.md~": "alt",
            "content/blog/#d.md#": "alt",
            "content/blog/e/index.md": markdown("title: E\ndate: 2022-01-01"),
            "content/blog/e/programm.pdf": "%PDF-1.4",
        ])
        #expect(site.errors() == [
            "content/blog/a.markdown:1:1: error: 'a.markdown' is not read: content files end in .md — rename it to 'a.md'",
            "content/blog/b.MD:1:1: error: 'b.MD' is not read: content files end in .md — rename it to 'b.md'",
            "content/blog/c.txt:1:1: error: 'c.txt' is not read: content files end in .md — rename it to 'c.md'",
            "content/blog/foto.jpg:1:1: error: 'foto.jpg' is not published: a file belongs in the folder of its page (content/blog/<id>/index.md with the file beside it), or in static/",
        ])
        try site.remove("content/blog/a.markdown")
        try site.remove("content/blog/b.MD")
        try site.remove("content/blog/c.txt")
        try site.remove("content/blog/foto.jpg")
        try site.build()
        #expect(site.exists("blog/e/programm.pdf") && !site.exists("blog/d.md~"))
    }

    @Test func anEventWithoutAPlaceSaysSo() throws {
        let site = try TemporarySite([
            "content/veranstaltungen/ohne.md": markdown("title: Ohne Ort\nstart: 2022-07-05"),
            "content/veranstaltungen/online.md": markdown("title: Online\nstart: 2022-07-05\nonline: true"),
            "content/veranstaltungen/entwurf.md": markdown("title: Entwurf\nstart: 2022-07-05\ndraft: true"),
        ])
        let warnings = try site.build(drafts: true).warnings.map(\.description).filter { $0.contains("place") }
        #expect(warnings == ["content/veranstaltungen/ohne.md:1:1: warning: the event has no place: add 'location' (with name, address and city) or 'online: true'"])
    }

    /// `new`, then `draft: true` removed without writing: the sample text and the empty place say so.
    @Test func anUntouchedTemplateIsNotPublishedWithoutAWord() throws {
        let site = try TemporarySite([:])
        let now = try #require(BuildOptions.parseNow("2022-06-01T10:00:00+02:00"))
        let path = try Scaffolder(root: site.root).create(folder: "veranstaltungen", title: "Degustation", now: now)
        let text = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
        try site.write(path, text.replacingOccurrences(of: "draft: true\n", with: ""))
        let warnings = try site.build().warnings.map(\.description)
        #expect(warnings.contains("content/veranstaltungen/degustation.md:1:1: warning: the text still holds the template's sample „Worum es geht, für wen, Ablauf.“: write your own (or remove it)"), "\(warnings)")
        #expect(warnings.contains("content/veranstaltungen/degustation.md:1:1: warning: the event has no place: add 'location' (with name, address and city) or 'online: true'"), "\(warnings)")
        // Written over, nothing is said.
        try site.write(path, text.replacingOccurrences(of: "draft: true\n", with: "online: true\n")
            .replacingOccurrences(of: "online: false\n", with: "").replacingOccurrences(of: "Worum es geht, für wen, Ablauf.", with: "Eigener Text."))
        #expect(try site.build().warnings.filter { $0.location.path == path }.isEmpty)
    }

    @Test func aListWrittenAsTextIsAnErrorThatWritesTheList() throws {
        let site = try TemporarySite([
            "content/angebote/a.md": markdown("title: A"),
            "content/angebote/b.md": markdown("title: B"),
            "content/blog/x.md": markdown("title: X\ndate: 2022-01-01\ntags: Wirkung, Evaluation\nformats: a, b"),
            // In quotes, a comma belongs to the one entry.
            "content/blog/y.md": markdown("title: Y\ndate: 2022-01-01\ntags: \"Wirkung, Evaluation\"\nformats: [a]"),
        ])
        #expect(site.errors() == [
            "content/blog/x.md:4:7: error: 'tags' is a list: write it in brackets, like tags: [Wirkung, Evaluation]",
            "content/blog/x.md:5:10: error: 'formats' is a list: write it in brackets, like formats: [a, b]",
        ])
    }
}

/// Editors write keys in German: an unknown key that names a field in German points to it.
@Suite struct GermanKeyTests {
    @Test func germanKeyNamesAreAnsweredWithTheKeyTheyMean() throws {
        let site = try TemporarySite([
            "content/team/petra.md": markdown("title: Petra"),
            "content/blog/x.md": markdown("titel: X\ntitle: X\ndatum: 2022-01-01\ndate: 2022-01-01\nautoren: [petra]\nbild: a.jpg\nSchlagwörter: [A]\nzusammenfassung: Kurz"),
            "content/veranstaltungen/e.md": markdown("title: E\nstart: 2022-07-05\nbeginn: 2022-07-05\nende: 2022-07-06\nort: Festung Mark\nanmeldung: https://example.org/"),
        ])
        let errors = site.errors().map { $0.split(separator: " ", maxSplits: 2).last.map(String.init) ?? $0 }
        #expect(errors == [
            "unknown key 'titel' (did you mean 'title'?)", "unknown key 'datum' (did you mean 'date'?)",
            "unknown key 'autoren' (did you mean 'authors'?)", "unknown key 'bild' (did you mean 'image'?)",
            "unknown key 'Schlagwörter' (did you mean 'tags'?)", "unknown key 'zusammenfassung' (did you mean 'summary'?)",
            "unknown key 'beginn' (did you mean 'start'?)", "unknown key 'ende' (did you mean 'end'?)",
            "unknown key 'ort' (did you mean 'location'?)", "unknown key 'anmeldung' (did you mean 'registration'?)",
        ], "\(site.errors().joined(separator: "\n"))")
    }
}

@Suite struct YAMLMessageTests {
    func errors(_ frontMatter: String) throws -> [String] {
        try TemporarySite(["content/seiten/s.md": "---\n" + frontMatter + "---\nText.\n"]).errors()
    }

    @Test func aTabIsCalledATabWithItsPosition() throws {
        #expect(try errors("title: S\n\tsummary: Kurz\n") == [
            "content/seiten/s.md:3:1: error: invalid YAML: a tab before this key — YAML indents with spaces: replace the tab with spaces",
        ])
        #expect(try errors("title: S\n  \tsummary: Kurz\n").first?.hasPrefix("content/seiten/s.md:3:3: error: invalid YAML: a tab") == true)
    }

    @Test func curlyQuotesAroundATextWithAColonAreNamed() throws {
        let curly = try errors("title: „Digitale Degustation: Festung Mark“\n")
        #expect(curly.count == 1 && curly[0].contains("„…“ are typographic quotes, which YAML reads as text: write the text in straight quotes \"…\""), "\(curly)")
        let plain = try errors("title: Digitale Degustation: Festung Mark\n")
        #expect(plain.count == 1 && plain[0].hasSuffix("(hint: quote the text: it contains a colon)"), "\(plain)")
    }
}
