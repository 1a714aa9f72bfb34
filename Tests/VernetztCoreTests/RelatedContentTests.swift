import Foundation
import Testing
@testable import VernetztCore
@testable import VernetztModel

/// Related items against a plain count over every pair, on random sites: with every key's
/// items in date order and only the `window` on either side of an item counted, as documented
/// (on the odd seeds one format has every item, more than the window takes in).
@Suite struct RelatedContentTests {
    let parser = DocumentParser(dates: DateParser(timeZone: TimeZone(identifier: "Europe/Berlin")!), allowsRawHTML: false)

    @Test(arguments: [1, 2, 3, 4, 5])
    func relatedItemsAreTheBestByCountDateAndListOrder(seed: UInt64) throws {
        var random = SplitMix(state: seed)
        var files: [SourceFile] = []
        for f in 0..<8 { files.append(SourceFile(path: "content/angebote/f\(f).md", text: markdown("title: F\(f)"))) }
        for t in 0..<5 { files.append(SourceFile(path: "content/themen/t\(t).md", text: markdown("title: T\(t)"))) }
        for n in 0..<170 {
            let folder = n % 9 == 0 ? "praxisbeispiele" : "blog"
            // Few distinct days, so that equal dates and equal counts meet the later tie-breaks.
            let date = "2021-0\(1 + Int(random.next() % 3))-1\(random.next() % 4)"
            let formats = (0..<Int(random.next() % 3)).map { _ in "f\(random.next() % 8)" } + (seed % 2 == 1 ? ["f0"] : [])
            let themes = random.next() % 2 == 0 ? ["t\(random.next() % 5)"] : []
            let tags = (0..<Int(random.next() % 3)).map { _ in "Schlagwort \(random.next() % 7)" }
            var yaml = "title: Eintrag \(n)\ndate: \(date)"
            if !formats.isEmpty { yaml += "\nformats: [\(Set(formats).sorted().joined(separator: ", "))]" }
            if !themes.isEmpty { yaml += "\nthemes: [\(themes[0])]" }
            if !tags.isEmpty { yaml += "\ntags: [\(Set(tags).sorted().joined(separator: ", "))]" }
            files.append(SourceFile(path: "content/\(folder)/e\(n).md", text: markdown(yaml)))
        }
        let config = try SiteConfig.parse(SourceFile(path: "site.yml", text: "title: Test\nurl: https://example.org/\n"))
        let site = try Linker().link(config, files.compactMap { parser.parse($0).document })

        // Each item's keys: the formats and themes it names, and its tags.
        var keys = [Set<String>](repeating: [], count: site.documents.count)
        for (i, document) in site.documents.enumerated() where document.kind.has(.related) {
            for (field, targets) in site.references[i].fields where field.facet {
                keys[i].formUnion(targets.map { "\(field.name):\($0)" })
            }
        }
        for tag in site.tags { for i in tag.members { keys[i].insert("tag:\(tag.name)") } }
        var rank = [Int](repeating: 0, count: site.documents.count)
        for list in site.lists.values { for (position, i) in list.enumerated() { rank[i] = position } }
        func date(_ i: Int) -> Date { site.documents[i].date?.instant ?? .distantPast }
        var holders: [String: [Int]] = [:]
        for i in site.documents.indices { for key in keys[i] { holders[key, default: []].append(i) } }
        for key in holders.keys { holders[key]!.sort { date($0) != date($1) ? date($0) > date($1) : $0 < $1 } }
        let window = RelatedContent.window
        #expect(holders.values.contains { $0.count > 2 * window + 1 } == (seed % 2 == 1))

        var checked = 0
        for i in site.documents.indices where site.documents[i].kind.has(.related) {
            var shared: [Int: Int] = [:]
            for key in keys[i] {
                let list = holders[key]!, place = list.firstIndex(of: i)!
                for other in list[max(0, place - window)..<min(list.count, place + window + 1)] where other != i {
                    shared[other, default: 0] += 1
                }
            }
            let expected = shared.keys.sorted { a, b in
                if shared[a]! != shared[b]! { return shared[a]! > shared[b]! }
                if date(a) != date(b) { return date(a) > date(b) }
                return (site.documents[a].kind.index, rank[a], a) < (site.documents[b].kind.index, rank[b], b)
            }.prefix(RelatedContent.limit)
            #expect(site.related[i] == Array(expected), "\(site.documents[i].path)")
            checked += expected.isEmpty ? 0 : 1
        }
        #expect(checked > 100)
    }
}
