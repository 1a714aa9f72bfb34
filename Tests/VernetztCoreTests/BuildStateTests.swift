import Foundation
import Testing
@testable import VernetztCore
@testable import VernetztEngine
@testable import VernetztModel

/// A build that starts from the last build's state on disk (`BuildState`) parses, renders and
/// writes only what changed — and must leave exactly the output a clean build makes, whatever
/// was changed, and whatever happened to the state or the output in between.
@Suite struct BuildStateTests {
    /// The repository's site (every kind, events, testimonials, pictures), copied.
    static func realSite() throws -> TemporarySite {
        let site = try TemporarySite([:], config: nil)
        let fm = FileManager.default
        for name in ["content", "static", "site.yml"] where fm.fileExists(atPath: TemporarySite.repoRoot.appendingPathComponent(name).path) {
            try fm.copyItem(at: TemporarySite.repoRoot.appendingPathComponent(name), to: site.root.appendingPathComponent(name))
        }
        return site
    }

    static let now = BuildOptions.parseNow("2026-11-30T12:00:00+01:00")!

    /// A build into `output` keeping its state (as the command line's `build` does), or a
    /// clean one: no state read or kept, into a folder of its own.
    static func build(_ site: TemporarySite, into output: URL, keepsState: Bool,
                      program: Int = ProgramStamp.current) throws -> BuildReport {
        var options = site.options()
        options.program = program
        options.output = output
        options.now = now
        options.keepsState = keepsState
        options.stateFolder = site.root.appendingPathComponent(".cache/vernetzt")
        options.pictureCache = site.root.appendingPathComponent(".cache/bilder")
        options.locateSearch = { nil }  // Pagefind's index varies from run to run
        return try SiteBuilder().build(options)
    }

    /// Every file and folder under `folder`: files by their bytes, folders as such, links by target.
    static func tree(_ folder: URL) -> [String: [UInt8]] {
        var tree: [String: [UInt8]] = [:]
        func visit(_ path: String, _ relative: String) {
            var info = stat()
            guard lstat(path, &info) == 0 else { return }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                if !relative.isEmpty { tree[relative + "/"] = [] }
                for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                    visit(path + "/" + name, relative.isEmpty ? name : relative + "/" + name)
                }
            case S_IFREG: tree[relative] = FileBytes.read(path) ?? []
            default: tree[relative] = Array("link".utf8)
            }
        }
        visit(folder.path, "")
        return tree
    }

    /// The first differences between two trees, for a readable failure.
    static func differences(_ a: [String: [UInt8]], _ b: [String: [UInt8]]) -> [String] {
        let paths = Set(a.keys).union(b.keys).sorted()
        return Array(paths.filter { a[$0] != b[$0] }.prefix(5).map { path in
            a[path] == nil ? "only in the kept output: \(path)" : b[path] == nil ? "only in the clean build: \(path)" : "differs: \(path)"
        })
    }

    /// The same output as a clean build of the site as it now is.
    func expectSameAsClean(_ site: TemporarySite, _ output: URL, _ step: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let clean = try ScratchFolder.path("sauber")
        _ = try Self.build(site, into: clean, keepsState: false)
        let differences = Self.differences(Self.tree(clean), Self.tree(output))
        #expect(differences.isEmpty, "after \(step): \(differences)", sourceLocation: sourceLocation)
        try FileManager.default.removeItem(at: clean)
    }

    static let formats = ["umsetzungsprojekt", "konvoi-begleitung", "digitalisierungssprechstunde", "mini-umsetzungsprojekt"]

    func read(_ site: TemporarySite, _ path: String) throws -> String {
        try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
    }

    func contentFiles(_ site: TemporarySite) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: site.root.appendingPathComponent("content").path)!
        return (enumerator.allObjects as! [String]).filter { $0.hasSuffix(".md") }.map { "content/" + $0 }.sorted()
    }

    /// One random change of the kinds an editor makes; its name for the failure message.
    func edit(_ site: TemporarySite, _ step: Int, _ random: inout SplitMix, added: inout [String]) throws -> String {
        let files = contentFiles(site)
        switch Int.random(in: 0..<9, using: &random) {
        case 0, 1:
            let path = files.randomElement(using: &random)!
            try site.write(path, try read(site, path) + "\nEin neuer Absatz, Fassung \(step).\n")
            return "text of \(path)"
        case 2:
            let path = files.filter { (try? read(site, $0).contains("\ntitle:")) == true }.randomElement(using: &random)!
            let text = try read(site, path).replacingOccurrences(of: #"\ntitle: [^\n]*"#, with: "\ntitle: \"Neuer Titel \(step)\"",
                                                                 options: .regularExpression)
            try site.write(path, text)
            return "title of \(path)"
        case 3:
            let path = "content/blog/wirkungen-der-angebote.md"
            let chosen = Self.formats.shuffled(using: &random).prefix(Int.random(in: 1...4, using: &random))
            let text = try read(site, path).replacingOccurrences(of: #"\nformats: [^\n]*"#, with: "\nformats: [\(chosen.joined(separator: ", "))]",
                                                                 options: .regularExpression)
            try site.write(path, text)
            return "formats of \(path): \(chosen)"
        case 4, 5:
            let path = "content/blog/neu-\(step).md"
            let format = Self.formats.randomElement(using: &random)!
            try site.write(path, markdown("title: Neu \(step)\ndate: 2026-0\(Int.random(in: 1...9, using: &random))-15\nformats: [\(format)]\nauthors: [stefan-voigt]\ntags: [Neu, Schritt \(step)]",
                                          "Ein neuer Beitrag zum [Angebot](@angebote/\(format)).\n"))
            added.append(path)
            return "new \(path)"
        case 6:
            guard let path = added.popLast() else { return try edit(site, step, &random, added: &added) }
            try site.remove(path)
            return "removed \(path)"
        case 7:
            let path = ["layouts/post.mustache", "layouts/partials/footer.mustache", "layouts/format.mustache"].randomElement(using: &random)!
            try site.write(path, try read(site, path) + "<!-- Fassung \(step) -->\n")
            return "layout \(path)"
        default:
            let text = try read(site, "site.yml").replacingOccurrences(of: #"(?m)^title: [^\n]*"#, with: "title: \"Kompetenzzentrum \(step)\"",
                                                                       options: .regularExpression)
            try site.write("site.yml", text)
            return "site.yml title"
        }
    }

    @Test func randomEditsGiveWhatACleanBuildGives() throws {
        let site = try Self.realSite()
        let output = site.root.appendingPathComponent("output")
        let first = try Self.build(site, into: output, keepsState: true)
        #expect(first.documentsKept == 0)
        var random = SplitMix(state: 2026)
        var added: [String] = []
        for step in 1...14 {
            let change = try edit(site, step, &random, added: &added)
            let report = try Self.build(site, into: output, keepsState: true)
            try expectSameAsClean(site, output, "step \(step), \(change)")
            if change.hasPrefix("text of") {
                // Only the changed file is parsed again, and most pages are neither made nor written.
                #expect(report.documentsKept == report.documents - 1, "\(change)")
                // (On a site this small, a page shows up on many others: the home page, the feeds, the lists.)
                #expect(report.pagesKept > report.files / 3, "\(change): \(report.pagesKept) of \(report.files) kept")
                #expect(report.written < report.files / 3, "\(change): \(report.written) of \(report.files) written")
            }
        }
    }

    @Test func aBuildWithNothingChangedWritesNothingAndMakesNoPage() throws {
        let site = try Self.realSite()
        let output = site.root.appendingPathComponent("output")
        let first = try Self.build(site, into: output, keepsState: true)
        let second = try Self.build(site, into: output, keepsState: true)
        #expect(second.written == 0)
        #expect(second.documentsKept == first.documents + 0 && second.documentsKept > 0)
        let pages = second.files - second.unchanged
        #expect(pages == 0)
        #expect(second.pagesKept > 0)
        try expectSameAsClean(site, output, "no change")
    }

    /// Another vernetzt (an update) may parse and render the same files otherwise: it trusts
    /// nothing the last one kept, and the one after it reuses its own state again.
    @Test func anotherProgramStartsFromNothing() throws {
        let site = try Self.realSite()
        let output = site.root.appendingPathComponent("output")
        _ = try Self.build(site, into: output, keepsState: true)
        let update = ProgramStamp.current &+ 1
        let updated = try Self.build(site, into: output, keepsState: true, program: update)
        #expect(updated.documentsKept == 0)
        #expect(updated.pagesKept == 0)
        try expectSameAsClean(site, output, "another program")
        let next = try Self.build(site, into: output, keepsState: true, program: update)
        #expect(next.documentsKept == next.documents && next.documents > 0)
        #expect(next.pagesKept > 0)
        #expect(ProgramStamp.current != 0)
    }

    /// A hand-edited page, a file put into the output, a link, a deleted page: the next build
    /// repairs them all, as a clean build would have it.
    @Test func anOutputChangedByHandIsRepaired() throws {
        let site = try Self.realSite()
        let output = site.root.appendingPathComponent("output")
        _ = try Self.build(site, into: output, keepsState: true)
        try site.write("output/blog/wirkungen-der-angebote/index.html", try read(site, "output/blog/wirkungen-der-angebote/index.html") + "x")
        try site.write("output/fremd/datei.txt", "nicht von vernetzt")
        try FileManager.default.removeItem(at: output.appendingPathComponent("impressum/index.html"))
        try FileManager.default.createSymbolicLink(atPath: output.appendingPathComponent("link.html").path, withDestinationPath: "/etc/hostname")
        try FileManager.default.createSymbolicLink(atPath: output.appendingPathComponent(".versteckt").path, withDestinationPath: "/etc/hostname")
        try site.write("output/.well-known/security.txt", "Contact: mailto:x@example.org\n")
        let report = try Self.build(site, into: output, keepsState: true)
        #expect(report.written >= 2)
        #expect(try !read(site, "output/blog/wirkungen-der-angebote/index.html").hasSuffix("x"))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("fremd").path))
        // The clean build keeps the hidden folder an editor put there, as this one does.
        let clean = try ScratchFolder.path("sauber")
        _ = try Self.build(site, into: clean, keepsState: false)
        var expected = Self.tree(clean)
        expected[".well-known/"] = []
        expected[".well-known/security.txt"] = Array("Contact: mailto:x@example.org\n".utf8)
        #expect(Self.differences(expected, Self.tree(output)).isEmpty, "\(Self.differences(expected, Self.tree(output)))")
    }

    /// A state cut short or overwritten costs a clean build, never a crash or a wrong page.
    @Test(arguments: ["index cut", "documents overwritten", "documents cut", "index garbage"])
    func aDamagedStateIsIgnored(damage: String) throws {
        let site = try Self.realSite()
        let output = site.root.appendingPathComponent("output")
        _ = try Self.build(site, into: output, keepsState: true)
        let folder = site.root.appendingPathComponent(".cache/vernetzt")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        let index = folder.appendingPathComponent(try #require(names.first { !$0.hasSuffix(".dokumente") }))
        let log = folder.appendingPathComponent(try #require(names.first { $0.hasSuffix(".dokumente") }))
        switch damage {
        case "index cut":
            let bytes = try #require(FileBytes.read(index.path))
            try Data(bytes.prefix(bytes.count / 2)).write(to: index)
        case "documents overwritten":
            var bytes = try #require(FileBytes.read(log.path))
            for i in stride(from: 100, to: bytes.count, by: 97) { bytes[i] ^= 0x5A }
            try Data(bytes).write(to: log)
        case "documents cut":
            let bytes = try #require(FileBytes.read(log.path))
            try Data(bytes.prefix(bytes.count / 3)).write(to: log)
        default:
            var generator = SplitMix(state: 7)
            try Data(BuildState.magic + (0..<5000).map { _ in UInt8.random(in: 0...255, using: &generator) }).write(to: index)
        }
        try site.write("content/blog/wirkungen-der-angebote.md", try read(site, "content/blog/wirkungen-der-angebote.md") + "\nNeu.\n")
        let report = try Self.build(site, into: output, keepsState: true)
        if damage.hasPrefix("documents") { #expect(report.documentsKept < report.documents - 1) }
        try expectSameAsClean(site, output, damage)
        // The state is whole again afterwards.
        let next = try Self.build(site, into: output, keepsState: true)
        #expect(next.documentsKept == next.documents)
        #expect(next.written == 0)
    }

    /// A body left in the log that is not as stored when its page is made (the log changed on
    /// disk after the document was read back) is parsed anew from its file: the page is what a
    /// clean build makes, and the next build starts from nothing rather than trust the state.
    @Test func aDamagedBodyIsParsedAnew() throws {
        let site = try Self.realSite()
        let output = site.root.appendingPathComponent("output")
        _ = try Self.build(site, into: output, keepsState: true)
        let folder = site.root.appendingPathComponent(".cache/vernetzt")
        let state = try #require(BuildState.load(folder: folder, output: output))
        let entry = try #require(state.entries["content/blog/wirkungen-der-angebote.md"])
        #expect(entry.bodyLength > 1000)
        let log = FileHandle(forUpdatingAtPath: state.log)
        try log?.seek(toOffset: UInt64(entry.offset + entry.length + entry.bodyLength / 2))
        try log?.write(contentsOf: Data("KAPUTT".utf8))
        try log?.close()
        // A layout change makes every page again, each reading its body back.
        try site.write("layouts/partials/footer.mustache", try read(site, "layouts/partials/footer.mustache") + "\n")
        let report = try Self.build(site, into: output, keepsState: true)
        #expect(report.documentsKept == report.documents)
        #expect(try !read(site, "output/blog/wirkungen-der-angebote/index.html").contains("KAPUTT"))
        try expectSameAsClean(site, output, "a damaged body")
        #expect(BuildState.load(folder: folder, output: output) == nil)
        let next = try Self.build(site, into: output, keepsState: true)
        #expect(next.documentsKept == 0)
        try expectSameAsClean(site, output, "the build after")
    }

    /// The state of an output that was deleted goes with the next build into another output —
    /// its log and spare tree too — and so does a state an older vernetzt wrote, and a log of
    /// the output's own that its index does not name; the state of an output that still exists stays.
    @Test func statesOfDeletedOutputsAreRemoved() throws {
        let site = try Self.realSite()
        let (kept, deleted, current) = (site.root.appendingPathComponent("bleibt"), site.root.appendingPathComponent("weg"),
                                        site.root.appendingPathComponent("output"))
        let folder = site.root.appendingPathComponent(".cache/vernetzt")
        // (A spare tree appears with the second build into an output.)
        for output in [kept, deleted, deleted, current] { _ = try Self.build(site, into: output, keepsState: true) }
        let stateOfDeleted = URL(fileURLWithPath: BuildState.index(in: folder, for: deleted)).lastPathComponent
        let digest = stateOfDeleted.dropFirst("stand-".count)
        // A log a failed build began for the output still built into goes too.
        let orphan = URL(fileURLWithPath: BuildState.index(in: folder, for: current)).lastPathComponent + "-9.dokumente"
        try site.write(".cache/vernetzt/" + orphan, "halb")
        try site.write(".cache/vernetzt/stand-0123abcd", "vernetzt-stand 5\nalt")
        try site.write(".cache/vernetzt/stand-0123abcd-1.dokumente", "alt")
        let before = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        #expect(before.contains("ausgabe-" + digest) && before.contains(stateOfDeleted + "-1.dokumente"))
        try FileManager.default.removeItem(at: deleted)
        _ = try Self.build(site, into: current, keepsState: true)
        let after = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        #expect(after.filter { $0.contains(digest) || $0.contains("0123abcd") }.isEmpty, "\(after.sorted())")
        #expect(BuildState.load(folder: folder, output: kept) != nil)
        #expect(BuildState.load(folder: folder, output: current) != nil)
        let gone: Set = [stateOfDeleted, stateOfDeleted + "-1.dokumente", "ausgabe-" + digest, "stand-0123abcd", "stand-0123abcd-1.dokumente", orphan]
        #expect(gone.isSubset(of: before))
        #expect(gone.isDisjoint(with: after), "\(after.sorted())")
        #expect(before.subtracting(gone).isSubset(of: after), "\(after.sorted())")
    }

    /// The spare tree a killed build left half brought up to date — files written, removed,
    /// junk beside them — is nobody's site; the next build sorts it out by its files' stamps.
    @Test func aSpareLeftHalfDoneIsSortedOut() throws {
        let site = try Self.realSite()
        let output = site.root.appendingPathComponent("output")
        _ = try Self.build(site, into: output, keepsState: true)
        try site.write("content/blog/wirkungen-der-angebote.md", try read(site, "content/blog/wirkungen-der-angebote.md") + "\nEins.\n")
        _ = try Self.build(site, into: output, keepsState: true)
        let folder = site.root.appendingPathComponent(".cache/vernetzt")
        let spare = folder.appendingPathComponent(try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .first { $0.hasPrefix("ausgabe-") }))
        // As a killed build may leave it.
        try Data("halb".utf8).write(to: spare.appendingPathComponent("blog/wirkungen-der-angebote/index.html"))
        try FileManager.default.removeItem(at: spare.appendingPathComponent("impressum/index.html"))
        try Data("x".utf8).write(to: spare.appendingPathComponent(".vernetzt-neu-7"))
        try FileManager.default.createDirectory(at: spare.appendingPathComponent("blog/neu"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: spare.appendingPathComponent("blog/neu/index.html"))
        try site.write("content/blog/wirkungen-der-angebote.md", try read(site, "content/blog/wirkungen-der-angebote.md") + "\nZwei.\n")
        let report = try Self.build(site, into: output, keepsState: true)
        #expect(report.documentsKept == report.documents - 1)
        try expectSameAsClean(site, output, "a spare left half done")
    }

    /// Every document of the real site comes back from its bytes as it was: encoding the
    /// decoded one gives the same bytes, and its page the same HTML (the tests above).
    @Test func documentsComeBackAsTheyWere() throws {
        let site = try Self.realSite()
        let sources = try SiteLoader(root: site.root).load()
        let schema = try Schema.load(sources.schema)
        let config = try SiteConfig.parse(sources.config)
        let parser = DocumentParser(dates: DateParser(timeZone: config.timeZone), allowsRawHTML: config.rawHTML, schema: schema)
        let archive = DocumentArchive(schema: schema)
        #expect(sources.content.count > 30)
        for file in sources.content {
            let document = try #require(parser.parse(file).document)
            let bytes = try #require(archive.encode(document))
            let html = document.body.htmlOfPlainText
            let back = try bytes.withUnsafeBytes { raw in try archive.decode(raw, html: .inMemory(html)) }
            #expect(archive.encode(back) == bytes, "\(file.path)")
            #expect(back.body.htmlOfPlainText == html)
            // HTML of another length than the body's is refused: the holes would point elsewhere.
            #expect(throws: ArchiveReader.Damaged.self) {
                try bytes.withUnsafeBytes { raw in _ = try archive.decode(raw, html: .inMemory(html + [0x20])) }
            }
            #expect(back.id == document.id && back.kind == document.kind && back.references.count == document.references.count)
            #expect(zip(back.references, document.references).allSatisfy { $0.field === $1.field && $0.kind == $1.kind && $0.id == $1.id })
            // Cut anywhere, it is refused, never read wrong or trapped on.
            for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 40)) {
                #expect(throws: ArchiveReader.Damaged.self) {
                    try Array(bytes.prefix(cut)).withUnsafeBytes { raw in _ = try archive.decode(raw, html: .inMemory(html)) }
                }
            }
        }
    }

    /// A file read more than two seconds before the last build is not read again while its
    /// stamp stands; a change that keeps its size and puts its time of change back is seen all
    /// the same (the inode's own change time moved).
    @Test func aChangeThatKeepsSizeAndTimeIsSeen() throws {
        let site = try Self.realSite()
        let output = site.root.appendingPathComponent("output")
        Thread.sleep(forTimeInterval: 2.2)
        _ = try Self.build(site, into: output, keepsState: true)
        let path = "content/blog/wirkungen-der-angebote.md"
        let full = site.root.appendingPathComponent(path).path
        var before = stat()
        #expect(lstat(full, &before) == 0)
        let text = try read(site, path)
        let changed = text.replacingOccurrences(of: "der Zielstellung werden", with: "der Zielvorgaben werden")
        #expect(changed != text && changed.utf8.count == text.utf8.count)
        try site.write(path, changed)
        var times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, full, &times, 0) == 0)
        var after = stat()
        #expect(lstat(full, &after) == 0 && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec && after.st_size == before.st_size)
        let report = try Self.build(site, into: output, keepsState: true)
        #expect(report.documentsKept == report.documents - 1)
        #expect(try read(site, "output/blog/wirkungen-der-angebote/index.html").contains("der Zielvorgaben"))
        try expectSameAsClean(site, output, "a change with the old time")
    }

    /// The related items are kept from the last build only while what they come from is
    /// unchanged: a post that moves to another format gets that format's posts.
    @Test func relatedItemsFollowAChangedFacet() throws {
        var files = ["content/angebote/x.md": markdown("title: Angebot X"), "content/angebote/y.md": markdown("title: Angebot Y")]
        for (name, format) in [("a", "x"), ("b", "x"), ("c", "y"), ("d", "y")] {
            files["content/blog/\(name).md"] = markdown("title: Beitrag \(name.uppercased())\ndate: 2022-01-0\(name.unicodeScalars.first!.value - 96)\nformats: [\(format)]")
        }
        let site = try TemporarySite(files)
        let output = site.root.appendingPathComponent("output")
        _ = try Self.build(site, into: output, keepsState: true)
        #expect(try read(site, "output/blog/a/index.html").contains("Beitrag B"))
        try site.write("content/blog/a.md", markdown("title: Beitrag A\ndate: 2022-01-01\nformats: [y]"))
        _ = try Self.build(site, into: output, keepsState: true)
        let page = try read(site, "output/blog/a/index.html")
        #expect(page.contains("Beitrag C") && page.contains("Beitrag D"))
        try expectSameAsClean(site, output, "a changed format")
    }

    /// A hidden file the site publishes (`static/.well-known/…`) is the build's: a new version
    /// replaces the old one, whether the build keeps its state or stages the whole site; a
    /// hidden folder someone else put into the output stays.
    @Test func publishedHiddenFilesFollowTheirSource() throws {
        let site = try TemporarySite(["content/seiten/a.md": markdown("title: A"), "static/.well-known/security.txt": "eins\n"])
        let output = site.root.appendingPathComponent("output")
        _ = try Self.build(site, into: output, keepsState: true)
        try site.write("output/.eigen/notiz.txt", "bleibt\n")
        for (version, keepsState) in [("zwei", true), ("drei", true), ("vier", false)] {
            try site.write("static/.well-known/security.txt", version + "\n")
            _ = try Self.build(site, into: output, keepsState: keepsState)
            #expect(try read(site, "output/.well-known/security.txt") == version + "\n", "keeps state: \(keepsState)")
            #expect(try read(site, "output/.eigen/notiz.txt") == "bleibt\n")
        }
    }

    /// A file of the last build where this one needs a folder, and a folder where it needs a
    /// file: the spare gives way, as a clean build would have it.
    @Test func aFileAndAFolderTradePlaces() throws {
        let site = try TemporarySite(["content/seiten/a.md": markdown("title: A"), "static/ablage": "eine Datei\n",
                                      "static/ordner/datei.txt": "im Ordner\n"])
        let output = site.root.appendingPathComponent("output")
        for _ in 0..<2 { _ = try Self.build(site, into: output, keepsState: true) }  // the second makes the spare
        try site.remove("static/ablage")
        try site.remove("static/ordner")
        try site.write("static/ablage/datei.txt", "jetzt ein Ordner\n")
        try site.write("static/ordner", "jetzt eine Datei\n")
        for _ in 0..<2 {
            _ = try Self.build(site, into: output, keepsState: true)
            try expectSameAsClean(site, output, "a file and a folder trading places")
        }
    }

    /// The keys are the same in another process: the command line's second build of an
    /// unchanged site writes nothing and makes no page.
    @Test func aSecondRunOfTheCommandKeepsEverything() throws {
        let site = try Self.realSite()
        let env = ["--now", "2026-11-30T12:00:00+01:00", "--no-search"]
        let first = try CommandLineRun(["build", "--verbose"] + env, in: site.root)
        #expect(first.status == 0, "\(first.stderr)")
        let second = try CommandLineRun(["build", "--verbose"] + env, in: site.root)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("(0 written,") || second.stderr.contains("(0 written,"), "\(second.stdout)\(second.stderr)")
        let third = try CommandLineRun(["build", "--verbose", "--no-cache"] + env, in: site.root)
        #expect(third.status == 0)
        // Editors read the stages in German, keeping the state too.
        let german = try CommandLineRun(["build", "--verbose"] + env, in: site.root, language: "de")
        let said = german.stdout + german.stderr
        #expect(said.contains("  merken") && !said.contains("  state"), "\(said)")
    }
}
