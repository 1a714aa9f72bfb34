import CMarkArena
import Foundation
import Testing
@testable import VernetztCore
@testable import VernetztEngine
@testable import VernetztModel
@testable import VernetztServe

/// libcmark-gfm keeps process-wide state (the extensions' special characters); the thread
/// sanitizer cannot see inside it. This proves by behaviour that bodies parsed on many threads
/// at once come out exactly as when parsed one by one.
@Suite struct MarkdownRaceTests {
    static let threads = 4
    static let rounds = 20

    /// A few hundred different bodies, each full of what the extensions handle.
    static let bodies: [String] = (0..<300).map { i in
        """
        # Abschnitt \(i)

        Das ist ~~alt~~ neu, siehe www.bmwk.de und https://example.org/\(i) oder post\(i)@example.org.

        | Spalte \(i) | B | C |
        |---|:-:|--:|
        | ~~x~~ | www.example.com/\(i) | `c` |

        - [x] erledigt \(i)
        - [ ] offen mit ~~Streichung~~

        Weiter: http://www.vernetzt-wachsen.de/\(i)/ und ~~noch~~ mehr.\(String(repeating: " Text ~~weg~~ www.a\(i).de", count: i % 7))
        """
    }

    static func render(_ body: String) -> String {
        render(body, rawHTML: false)
    }

    /// With raw HTML on, the sanitiser (gumbo) runs too: it must be as safe in parallel.
    static func render(_ body: String, rawHTML: Bool) -> String {
        let parsed = MarkdownParser(allowsRawHTML: rawHTML).parse(body, path: "content/blog/x.md", firstLine: 1)
        return MarkdownRenderer().render(parsed.body, resolvedLinks: [:])
    }

    /// Each of `threads` threads parses every body, all at once; returns each thread's results.
    static func parseOnThreads(_ bodies: [String], rawHTML: Bool = false) -> [[String]] {
        let results = LockedList<(Int, [String])>()
        let group = DispatchGroup()
        for t in 0..<threads {
            group.enter()
            let thread = Thread {
                // Each thread starts at another body, so different bodies finish at once.
                let order = Array(bodies.indices.dropFirst(t * 37 % bodies.count)) + Array(bodies.indices.prefix(t * 37 % bodies.count))
                var out = Array(repeating: "", count: bodies.count)
                for i in order { out[i] = render(bodies[i], rawHTML: rawHTML) }
                results.append((t, out))
                group.leave()
            }
            thread.start()
        }
        group.wait()
        return results.items.sorted { $0.0 < $1.0 }.map(\.1)
    }

    @Test func theSpecialCharacterTableIsPinned() {
        #expect(CMarkExtensions.shared.finishesInParallel)
    }

    @Test func parallelParsingGivesWhatOneThreadGives() {
        let expected = Self.bodies.map(Self.render)
        // The one-thread result has the extensions' output (else the comparison proves nothing).
        #expect(expected.allSatisfy { $0.contains("<del>alt</del>") && $0.contains("<a href=\"http://www.bmwk.de\">") && $0.contains("<table>") })
        var wrong = 0
        for _ in 0..<Self.rounds {
            for result in Self.parseOnThreads(Self.bodies) {
                wrong += zip(result, expected).filter { $0 != $1 }.count
            }
        }
        #expect(wrong == 0, "\(wrong) of \(Self.rounds * Self.threads * Self.bodies.count) bodies differ from the one-thread parse")
    }

    @Test func parallelSanitisingGivesWhatOneThreadGives() {
        let bodies = Self.bodies.enumerated().map { i, body in
            body + "\n\n<div class=\"k\(i)\"><p>Roh <b onclick=\"x\">fett</b> <a href=\"javascript:x\">weg</a></p><table><tr><td>\(i)</td></tr></table></div>\n"
        }
        let expected = bodies.map { Self.render($0, rawHTML: true) }
        #expect(expected.allSatisfy { $0.contains("<del>alt</del>") && $0.contains("<b>fett</b>") && !$0.contains("onclick") })
        var wrong = 0
        for _ in 0..<5 {
            for result in Self.parseOnThreads(bodies, rawHTML: true) { wrong += zip(result, expected).filter { $0 != $1 }.count }
        }
        #expect(wrong == 0, "\(wrong) bodies differ from the one-thread parse")
    }
}

/// cmark-gfm's memory for a document comes from the parsing thread's arena (`CMarkArena`) and
/// goes all at once when the thread's outermost document is done.
@Suite struct CMarkArenaTests {
    static func bytes(_ pointer: UnsafeMutableRawPointer, _ count: Int) -> [UInt8] {
        Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }

    /// A field's Markdown is parsed while its file's document is open: the file's memory must
    /// outlive the inner parse.
    @Test func nestedDocumentsKeepTheOuterOnesMemory() throws {
        let mem = vernetzt_arena_mem()!.pointee
        vernetzt_arena_begin()
        let outer = try #require(mem.calloc(1, 64))
        outer.initializeMemory(as: UInt8.self, repeating: 0xAB, count: 64)
        let inner = MarkdownParser(allowsRawHTML: false).parse("# Titel\n\nText mit ~~Strich~~.", path: "x.md", firstLine: 1)
        #expect(String(decoding: inner.body.html() ?? [], as: UTF8.self).contains("<del>Strich</del>"))
        // Had the inner parse released the arena, this would be cut from the outer block's place.
        let after = try #require(mem.calloc(1, 64))
        after.initializeMemory(as: UInt8.self, repeating: 0x11, count: 64)
        #expect(Self.bytes(outer, 64) == Array(repeating: 0xAB, count: 64))
        vernetzt_arena_end()
    }

    /// Memory handed out again after a document is zeroed by calloc, and realloc keeps what a
    /// block held, whether it grows in place (the newest block) or moves.
    @Test func callocZeroesAndReallocKeeps() throws {
        let mem = vernetzt_arena_mem()!.pointee
        vernetzt_arena_begin()
        let first = try #require(mem.calloc(1, 4096))
        first.initializeMemory(as: UInt8.self, repeating: 0xFF, count: 4096)
        vernetzt_arena_end()
        vernetzt_arena_begin()
        let again = try #require(mem.calloc(1, 4096))
        #expect(again == first)  // the kept chunk is used again…
        #expect(Self.bytes(again, 4096).allSatisfy { $0 == 0 })  // …and comes back zeroed
        let grown = try #require(mem.realloc(nil, 8))
        grown.copyMemory(from: Array("abcdefgh".utf8), byteCount: 8)
        let inPlace = try #require(mem.realloc(grown, 100))
        #expect(inPlace == grown && Self.bytes(inPlace, 8) == Array("abcdefgh".utf8))
        _ = mem.calloc(1, 16)  // now not the newest block any more
        let moved = try #require(mem.realloc(inPlace, 3 << 20))  // larger than a chunk
        #expect(moved != inPlace && Self.bytes(moved, 8) == Array("abcdefgh".utf8))
        vernetzt_arena_end()
    }

    /// A huge document does not leave its memory to the thread: one chunk stays.
    @Test func aHugeDocumentsMemoryGoes() {
        let body = String(repeating: "Ein Absatz mit *Betonung* und `Code` und ~~Strich~~.\n\n", count: 60_000)
        let parsed = MarkdownParser(allowsRawHTML: false).parse(body, path: "x.md", firstLine: 1)
        #expect((parsed.body.html()?.count ?? 0) > 3_000_000)
        #expect(vernetzt_arena_held() <= 1 << 20)
    }
}
