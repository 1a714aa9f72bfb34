import Foundation
import Testing
@testable import VernetztCore
@testable import VernetztEngine
@testable import VernetztModel
@testable import VernetztServe

/// The command line on small fixture sites: one per error class, each with its exact
/// `path:line:column`, exit status 1, and the previous output left byte for byte as it was.
@Suite struct CommandLineErrorTests {
    static let valid: [String: String] = [
        "content/angebote/konvoi-begleitung.md": markdown("title: Konvoi-Begleitung", "## Ablauf\n\nText.\n"),
        "content/partner/zpvp.md": markdown("title: ZPVP"),
        "content/blog/ok.md": markdown("title: OK\ndate: 2022-07-05\nformats: [konvoi-begleitung]\npartners: [zpvp]"),
    ]

    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var path: String
        var text: [UInt8]
        var expected: String
        var description: String { name }

        init(_ name: String, _ path: String, _ text: String, _ expected: String) {
            self.init(name, path, Array(text.utf8), expected)
        }

        init(_ name: String, _ path: String, _ bytes: [UInt8], _ expected: String) {
            self.name = name
            self.path = path
            self.text = bytes
            self.expected = expected
        }
    }

    static let cases: [Case] = [
        Case("dangling reference", "content/blog/x.md", markdown("title: X\ndate: 2022-07-05\nformats: [konvoi]"),
             "content/blog/x.md:4:11: error: unknown format 'konvoi' in 'formats' (did you mean 'konvoi-begleitung'?)"),
        Case("wrong kind", "content/blog/x.md", markdown("title: X\ndate: 2022-07-05\npartners: [konvoi-begleitung]"),
             "content/blog/x.md:4:12: error: 'konvoi-begleitung' is a format, not a partner in 'partners'"),
        Case("missing fragment", "content/blog/x.md", markdown("title: X\ndate: 2022-07-05", "Zum [Ablauf](@angebote/konvoi-begleitung#ablaeufe).\n"),
             "content/blog/x.md:6:5: error: no heading '#ablaeufe' in content/angebote/konvoi-begleitung.md (did you mean 'ablauf'?)"),
        Case("duplicate id", "content/blog/ok/index.md", markdown("title: OK 2\ndate: 2022-07-05"),
             "content/blog/ok/index.md:1:1: error: duplicate id 'ok': content/blog/ok.md has the same id"),
        Case("duplicate output path", "content/blog/y.md", markdown("title: Y\ndate: 2022-07-05\nslug: ok"),
             "content/blog/y.md:4:1: error: output path '/blog/ok/' is also written by content/blog/ok.md"),
        Case("missing required key", "content/blog/x.md", markdown("date: 2022-07-05"),
             "content/blog/x.md:1:1: error: missing required key 'title'"),
        Case("wrong type", "content/partner/p.md", markdown("title: P\nlead: vielleicht"),
             "content/partner/p.md:3:7: error: 'lead' must be true or false"),
        Case("unknown key", "content/partner/p.md", markdown("title: P\nwebseite: https://example.org"),
             "content/partner/p.md:3:1: error: unknown key 'webseite' (did you mean 'website'?)"),
        Case("invalid date", "content/blog/x.md", markdown("title: X\ndate: 2022-02-30"),
             "content/blog/x.md:3:7: error: invalid date '2022-02-30' for 'date': dates look like 2022-07-05 or 2022-07-05T14:00 (or 2022-07, 2022 when only that is known)"),
        Case("malformed YAML", "content/blog/x.md", markdown("title: X\ndate: [2022-07-05"),
             "content/blog/x.md:3:7: error: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence"),
        Case("not UTF-8", "content/partner/p.md", Array("---\ntitle: M".utf8) + [0xFC] + Array("ller\n---\n".utf8),
             "content/partner/p.md:2:9: error: the file is not UTF-8 text: save it as UTF-8"),
    ]

    @Test(arguments: cases)
    func errorClass(_ errorCase: Case) throws {
        let site = try TemporarySite(Self.valid)
        let good = try CommandLineRun(["build"], in: site.root)
        #expect(good.status == 0, "\(good.stderr)")
        let before = try site.snapshot()
        #expect(!before.isEmpty)

        try site.write(errorCase.path, bytes: errorCase.text)
        let check = try CommandLineRun(["check"], in: site.root)
        #expect(check.status == 1)
        #expect(check.stderr.split(separator: "\n").first.map(String.init) == errorCase.expected)

        let build = try CommandLineRun(["build"], in: site.root)
        #expect(build.status == 1)
        #expect(build.stderr.split(separator: "\n").first.map(String.init) == errorCase.expected)
        #expect(try site.snapshot() == before)
    }

    @Test func rootOptionPrefixesPaths() throws {
        let site = try TemporarySite(Self.valid.merging(["content/blog/x.md": markdown("title: X\ndate: 2022-07-05\nthemes: [a]")]) { $1 })
        let run = try CommandLineRun(["check", "--root", site.root.lastPathComponent], in: site.root.deletingLastPathComponent())
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("\(site.root.lastPathComponent)/content/blog/x.md:4:10: error: unknown theme 'a'"))
    }

    @Test func successPrintsOneSummaryLineAndQuietPrintsNothing() throws {
        let site = try TemporarySite(Self.valid)
        let run = try CommandLineRun(["build"], in: site.root)
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("built 3 items into") == true)
        let quiet = try CommandLineRun(["build", "--quiet"], in: site.root)
        #expect(quiet.status == 0)
        #expect(quiet.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        let check = try CommandLineRun(["check"], in: site.root)
        #expect(check.stdout.hasPrefix("checked 3 items"))
    }

    @Test func checkWritesNothing() throws {
        let site = try TemporarySite(Self.valid)
        let run = try CommandLineRun(["check"], in: site.root)
        #expect(run.status == 0)
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func usageErrorsExitWithStatusTwo() throws {
        let site = try TemporarySite(Self.valid)
        let run = try CommandLineRun(["build", "--no-such-flag"], in: site.root)
        #expect(run.status == 2)
        #expect(run.stderr.contains("--no-such-flag"))
    }
}
