import Foundation
import Testing
@testable import VernetztCore
@testable import VernetztEngine
@testable import VernetztModel

/// What editors are told, in German, at the place it concerns — each case of the editors'
/// issue with its German line (the English ones are checked in `OneRunTests` and beside).
@Suite struct GermanMessageTests {
    @Test func tenMistakesInTenFilesAreListedTogetherInGerman() throws {
        let site = try TemporarySite(TenMistakes.files)
        let expected = [
            "content/blog/a.md:3:1: Fehler: Ungültiges YAML: vor diesem Schlüssel steht ein Tabulator — YAML rückt mit Leerzeichen ein: ersetzen Sie den Tabulator durch Leerzeichen",
            "content/blog/b.md:4:11: Fehler: Es gibt keinen Eintrag „konvio“ der Art „Angebot“ (Feld „formats“) (meinten Sie „konvoi“?)",
            "content/blog/c.md:6:7: Fehler: Es gibt keinen Eintrag „konvo“ der Art „Angebot“ (meinten Sie „konvoi“?)",
            "content/blog/d.md:6:7: Fehler: Der Link „/kontakt/“ führt ins Leere: es gibt keine Seite und keine Datei /kontakt/",
            "content/blog/e.md:4:8: Fehler: Das Bild „fehlt.jpg“ fehlt: es gibt keine Datei /blog/e/fehlt.jpg",
            "content/blog/f.md:3:7: Fehler: „2022-13-45“ ist kein gültiges Datum für „date“: schreiben Sie ein Datum wie 2022-07-05 oder mit Uhrzeit 2022-07-05T14:00 (oder 2022-07, 2022, wenn nur das bekannt ist)",
            "content/blog/g/index.md:4:1: Fehler: image ohne Alternativtext: ergänzen Sie „image_alt“ mit einer Beschreibung des Bildes („image_alt: \"\"“ kennzeichnet ein Bild, das nur schmückt)",
            "content/blog/h.md:4:1: Fehler: Unbekannter Schlüssel „autoren“ (meinten Sie „authors“?)",
            "content/blog/j.md:4:11: Fehler: Es gibt keinen Eintrag „paul“ der Art „Person“ (Feld „authors“)",
            "content/blog/k.md:6:7: Warnung: „a“ steht in der Datei content/blog/a.md, die wegen Fehlern nicht gelesen werden konnte (siehe dort)",
            "content/veranstaltungen/i.md:4:1: Fehler: „end“ liegt vor „start“: das Ende einer Veranstaltung kommt nach ihrem Beginn",
        ]
        let found = site.findings(in: .german)
        for line in expected { #expect(found.contains(line), "\(line)\nnot in:\n\(found.joined(separator: "\n"))") }
        // The same run from the command line: the site's language, every error, one summary.
        let run = try CommandLineRun(["check"], in: site.root, language: nil)
        #expect(run.status == 1)
        let printed = run.stderr.split(separator: "\n").map(String.init)
        for line in expected { #expect(printed.contains(line), "\(line)\nnot in:\n\(run.stderr)") }
        #expect(printed.last == "10 Fehler; nichts wurde geschrieben.", "\(run.stderr)")
        // English when asked, the same places.
        let english = try CommandLineRun(["check", "--lang", "en"], in: site.root, language: nil)
        #expect(english.stderr.contains("content/blog/h.md:4:1: error: unknown key 'autoren' (did you mean 'authors'?)"))
        #expect(english.stderr.hasSuffix("10 error(s); nothing was written.\n"))
    }

    @Test func filesThatAreNotReadOrNotPublishedSaySoInGerman() throws {
        let site = try TemporarySite([
            "content/blog/a.markdown": markdown("title: A\ndate: 2022-01-01"),
            "content/blog/Mein Beitrag.md": markdown("title: B\ndate: 2022-01-01"),
            "content/blog/foto.jpg": TestPictures.jpegMarker,
        ])
        #expect(site.errors(in: .german) == [
            "content/blog/Mein Beitrag.md:1:1: Fehler: Der Dateiname „Mein Beitrag“ ist keine Kennung (a–z, 0–9 und „-“), über die andere Einträge ihn finden: benennen Sie die Datei in „mein-beitrag.md“ um",
            "content/blog/a.markdown:1:1: Fehler: „a.markdown“ wird nicht gelesen: Inhaltsdateien enden auf .md — benennen Sie sie in „a.md“ um",
            "content/blog/foto.jpg:1:1: Fehler: „foto.jpg“ wird nicht veröffentlicht: eine Datei gehört in den Ordner ihrer Seite (content/blog/<kennung>/index.md mit der Datei daneben) oder nach static/",
        ])
    }

    @Test func listsKeysTabsAndQuotesInGerman() throws {
        let site = try TemporarySite([
            "content/angebote/a.md": markdown("title: A"),
            "content/blog/x.md": markdown("title: X\ndate: 2022-01-01\ntags: Wirkung, Evaluation\nbild: a.jpg"),
            "content/seiten/s.md": "---\ntitle: „Digitale Degustation: Festung Mark“\n---\nText.\n",
            "content/seiten/t.md": "---\ntitle: Digitale Degustation: Festung Mark\n---\nText.\n",
        ])
        #expect(site.errors(in: .german) == [
            "content/blog/x.md:4:7: Fehler: „tags“ ist eine Liste: schreiben Sie sie in eckigen Klammern, also tags: [Wirkung, Evaluation]",
            "content/blog/x.md:5:1: Fehler: Unbekannter Schlüssel „bild“ (meinten Sie „image“?)",
            "content/seiten/s.md:2:29: Fehler: Ungültiges YAML: hier steht ein Doppelpunkt, wo YAML keinen neuen Schlüssel erwartet (Hinweis: „…“ sind typografische Anführungszeichen, die YAML als Text liest: setzen Sie den Text in gerade Anführungszeichen \"…\")",
            "content/seiten/t.md:2:28: Fehler: Ungültiges YAML: hier steht ein Doppelpunkt, wo YAML keinen neuen Schlüssel erwartet (Hinweis: setzen Sie den Text in Anführungszeichen \"…\": er enthält einen Doppelpunkt)",
        ])
    }

    @Test func indentationFramesAndTextFilesInGerman() throws {
        let site = try TemporarySite([
            "content/angebote/a.md": markdown("title: A"),
            "content/angebote/b.md": markdown("title: B"),
            "content/blog/x.md": markdown("title: X\ndate: 2022-01-01\nformats: a, b"),
            "content/blog/y.md": markdown("title: Y\ndate: 2022-01-01", "<iframe src=\"https://www.youtube.com/embed/x\"></iframe>\n"),
            "content/blog/z.txt": markdown("title: Z\ndate: 2022-01-01"),
            "content/seiten/s.md": "---\ntitle: S\nsummary: Kurz\n  draft: true\n---\nText.\n",
        ])
        let found = site.findings(in: .german)
        for line in [
            "content/blog/x.md:4:10: Fehler: „formats“ ist eine Liste: schreiben Sie sie in eckigen Klammern, also formats: [a, b]",
            "content/blog/z.txt:1:1: Fehler: „z.txt“ wird nicht gelesen: Inhaltsdateien enden auf .md — benennen Sie sie in „z.md“ um",
            "content/seiten/s.md:4:8: Fehler: Ungültiges YAML: hier steht ein Doppelpunkt, wo YAML keinen neuen Schlüssel erwartet (Hinweis: diese Zeile ist weiter eingerückt als die vorige: rücken Sie Schlüssel derselben Ebene gleich weit ein)",
        ] { #expect(found.contains(line), "\(line)\nnot in:\n\(found.joined(separator: "\n"))") }
        try site.remove("content/blog/x.md")
        try site.remove("content/blog/z.txt")
        try site.remove("content/seiten/s.md")
        let warnings = try site.build().warnings.map { $0.formatted(pathPrefix: "", language: .german) }
        #expect(warnings.contains("content/blog/y.md:6:1: Warnung: Ein <iframe> wird nicht veröffentlicht (es lüde bei jedem Leser die Seite des Anbieters): schreiben Sie die Adresse des Videos oder der Karte allein in eine Zeile, vernetzt zeigt sie nach einem Klick"), "\(warnings)")
    }

    @Test func templateTextAndAnEventWithoutPlaceWarnInGerman() throws {
        let site = try TemporarySite([:])
        let now = try #require(BuildOptions.parseNow("2022-06-01T10:00:00+02:00"))
        let path = try Scaffolder(root: site.root).create(folder: "veranstaltungen", title: "Degustation", now: now)
        let text = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
        try site.write(path, text.replacingOccurrences(of: "draft: true\n", with: ""))
        let warnings = site.findings(in: .german)
        #expect(warnings.contains("content/veranstaltungen/degustation.md:1:1: Warnung: Der Text enthält noch den Beispieltext der Vorlage „Worum es geht, für wen, Ablauf.“: schreiben Sie Ihren eigenen (oder entfernen Sie ihn)"), "\(warnings)")
        #expect(warnings.contains("content/veranstaltungen/degustation.md:1:1: Warnung: Die Veranstaltung hat keinen Ort: ergänzen Sie „location“ (mit name, address und city) oder „online: true“"), "\(warnings)")
    }

    @Test func helpIsGermanUnlessEnglishIsAsked() throws {
        let directory = FileManager.default.temporaryDirectory
        let german = try CommandLineRun(["build", "--help"], in: directory, language: nil)
        #expect(german.stdout.contains("Baut content/ nach output/.") && german.stdout.contains("Nur Fehler ausgeben."), "\(german.stdout)")
        let english = try CommandLineRun(["build", "--help"], in: directory, language: "en")
        #expect(english.stdout.contains("Build content/ into output/.") && english.stdout.contains("Print nothing but errors."), "\(english.stdout)")
    }

    /// The parser's own words around the commands' texts (headings, `--help`'s line, the
    /// defaults): German too, with the columns where they were.
    @Test func theHelpsFrameIsGermanToo() throws {
        let directory = FileManager.default.temporaryDirectory
        let english = ["OVERVIEW", "USAGE", "OPTIONS", "SUBCOMMANDS", "ARGUMENTS", "Show help information", "Show the version",
                       "default", "See '", "subcommand"]
        for arguments in [["--help"], ["help"], ["build", "--help"], ["help", "new"], ["serve", "--help"]] {
            let german = try CommandLineRun(arguments, in: directory, language: nil)
            #expect(german.status == 0)
            #expect(!english.contains { german.stdout.contains($0) }, "\(arguments): \(german.stdout)")
            #expect(german.stdout.hasPrefix("ÜBERBLICK: ") && german.stdout.contains("\nOPTIONEN:\n") && german.stdout.contains("  -h, --help              Zeigt diese Hilfe."),
                    "\(german.stdout)")
            let asked = try CommandLineRun(arguments, in: directory, language: "en")
            #expect(asked.stdout.hasPrefix("OVERVIEW: ") && asked.stdout.contains("Show help information."), "\(asked.stdout)")
        }
        let root = try CommandLineRun(["--help"], in: directory, language: nil).stdout
        #expect(root.contains("\nBEFEHLE:\n  build (Vorgabe)         Baut content/ nach output/.\n"), "\(root)")
        #expect(root.contains("  Die Hilfe zu einem Befehl: vernetzt help <befehl>"), "\(root)")
        #expect(try CommandLineRun(["new", "--help"], in: directory, language: nil).stdout.contains("\nANGABEN:\n"))
    }

    /// `--version` names the program and its version, in either language.
    @Test func theVersionIsShown() throws {
        let directory = FileManager.default.temporaryDirectory
        for language in [nil, "en"] {
            let run = try CommandLineRun(["--version"], in: directory, language: language)
            #expect(run.status == 0)
            #expect(run.stdout.wholeMatch(of: /vernetzt \d+\.\d+\.\d+\n/) != nil, "\(run.stdout)")
        }
    }

    /// swift-argument-parser's report of a command line it cannot read, told in German; in
    /// English its own words. Each form the parser has, once: a form it words differently in a
    /// later version comes through in English and fails here.
    @Test func commandLineMistakesAreToldInGerman() throws {
        let directory = FileManager.default.temporaryDirectory
        let cases: [(arguments: [String], german: String, english: String)] = [
            (["build", "--bogus"], "Die Option „--bogus“ gibt es nicht", "Unknown option '--bogus'"),
            (["build", "--forc"], "Die Option „--forc“ gibt es nicht (meinten Sie „--force“?)", "Unknown option '--forc'. Did you mean '--force'?"),
            (["build", "--output"], "Nach „--output <output>“ fehlt der Wert", "Missing value for '--output <output>'"),
            (["build", "a", "b's"], "Mit „a“ und „b's“ kann der Befehl nichts anfangen", "2 unexpected arguments: 'a', 'b's'"),
            (["new", "blog"], "Es fehlt die Angabe <title>", "Missing expected argument '<title>'"),
            (["serve", "--port", "abc"], "„abc“ passt nicht zu „--port <port>“", "The value 'abc' is invalid for '--port <port>'"),
            (["build", "--quiet=ja"], "„--quiet“ ist ein Schalter und nimmt keinen Wert, auch nicht „ja“",
             "The option '--quiet' does not take any value, but 'ja' was specified."),
        ]
        for (arguments, german, english) in cases {
            let command = arguments[0]
            let told = try CommandLineRun(arguments, in: directory, language: nil)
            let lines = told.stderr.split(separator: "\n").map(String.init)
            #expect(told.status == 2 && lines.first == "Fehler: " + german, "\(arguments): \(told.stderr)")
            #expect(lines.contains { $0.hasPrefix("Aufruf: vernetzt \(command) ") } && lines.last == "  Mehr dazu: vernetzt \(command) --help",
                    "\(arguments): \(told.stderr)")
            #expect(!told.stderr.contains("Error") && !told.stderr.contains("Usage") && !told.stderr.contains("Help:"), "\(told.stderr)")
            let asked = try CommandLineRun(arguments, in: directory, language: "en")
            #expect(asked.status == 2 && asked.stderr.hasPrefix("Error: " + english + "\n"), "\(arguments): \(asked.stderr)")
            #expect(asked.stderr.hasSuffix("\n  See 'vernetzt \(command) --help' for more information.\n"), "\(asked.stderr)")
        }
        // A first word that is no command is told first: the parser would read `serv --port 3`
        // as a build and find fault with --port, under the build's usage.
        let commands: [(arguments: [String], german: String, english: String)] = [
            (["biuld"], "Den Befehl „biuld“ gibt es nicht (meinten Sie „build“?)", "Unknown command 'biuld' (did you mean 'build'?)"),
            (["serv", "--port", "3"], "Den Befehl „serv“ gibt es nicht (meinten Sie „serve“?)", "Unknown command 'serv' (did you mean 'serve'?)"),
            (["xyz"], "Den Befehl „xyz“ gibt es nicht: vernetzt kennt „build“, „check“, „new“, „schema“ und „serve“",
             "Unknown command 'xyz': vernetzt has 'build', 'check', 'new', 'schema', 'serve'"),
        ]
        for (arguments, german, english) in commands {
            let told = try CommandLineRun(arguments, in: directory, language: nil)
            #expect(told.status == 2 && told.stderr == "Fehler: \(german)\n  Mehr dazu: vernetzt --help\n", "\(arguments): \(told.stderr)")
            let asked = try CommandLineRun(arguments, in: directory, language: "en")
            #expect(asked.status == 2 && asked.stderr == "Error: \(english)\n  See 'vernetzt --help' for more information.\n", "\(arguments): \(asked.stderr)")
        }
        let help = try CommandLineRun(["build", "--output"], in: directory, language: nil)
        #expect(help.stderr.contains("\nHilfe:  --output <output>  Wohin die Website geschrieben wird"), "\(help.stderr)")
        let flag = try CommandLineRun(["build", "--bogus", "--lang", "en"], in: directory, language: "de")
        #expect(flag.stderr.hasPrefix("Error: Unknown option '--bogus'\nUsage: vernetzt build "), "--lang wins: \(flag.stderr)")
    }

    @Test func theSummaryAndProgressSpeakTheSiteLanguage() throws {
        let site = try TemporarySite(["content/blog/x.md": markdown("title: X\ndate: 2022-07-05")])
        let german = try CommandLineRun(["build"], in: site.root, language: nil)
        #expect(german.status == 0 && german.stdout.hasPrefix("Gebaut: 1 Einträge"), "\(german.stdout)")
        try site.write("site.yml", "title: Test\nurl: https://example.org/\nlanguage: en\n")
        let english = try CommandLineRun(["build"], in: site.root, language: nil)
        #expect(english.stdout.hasPrefix("built 1 items into"), "\(english.stdout)")
        let forced = try CommandLineRun(["build", "--lang", "de"], in: site.root, language: "en")
        #expect(forced.stdout.hasPrefix("Gebaut:"), "--lang wins over VERNETZT_LANG: \(forced.stdout)")
        let wrong = try CommandLineRun(["build", "--lang", "fr"], in: site.root, language: "de")
        #expect(wrong.status == 2 && wrong.stderr.contains("--lang kennt de (Deutsch) und en (Englisch), nicht „fr“"), "\(wrong.stderr)")
    }
}
