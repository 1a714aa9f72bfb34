import Foundation
import Testing
@testable import VernetztEngine

/// The catalogue holds every message once, both languages are written out, and the guide's
/// section on messages is the one the catalogue makes.
@Suite struct MessageCatalogueTests {
    static let messagesFolder = TemporarySite.repoRoot.appendingPathComponent("Sources/VernetztEngine/Messages")
    static let guide = TemporarySite.repoRoot.appendingPathComponent("docs/redaktion.md")

    /// The ids the message functions make, read from their source.
    static func idsInSource() throws -> Set<String> {
        var ids = Set<String>()
        for name in try FileManager.default.contentsOfDirectory(atPath: messagesFolder.path) where name.hasPrefix("Message+") {
            let text = try String(contentsOf: messagesFolder.appendingPathComponent(name), encoding: .utf8)
            var rest = Substring(text)
            while let start = rest.range(of: "Message(\"") {
                rest = rest[start.upperBound...]
                ids.insert(String(rest.prefix { $0 != "\"" }))
            }
        }
        return ids
    }

    @Test func everyMessageIsInTheCatalogueOnce() throws {
        let catalogued = MessageCatalogue.entries.map(\.example.id)
        let made = try Self.idsInSource()
        #expect(made.count > 150)
        #expect(Set(catalogued) == made, "missing: \(made.subtracting(catalogued).sorted()); unknown: \(Set(catalogued).subtracting(made).sorted())")
        let twice = Dictionary(grouping: catalogued, by: { $0 }).filter { $0.value.count > 1 }.keys
        #expect(twice.isEmpty, "\(twice.sorted())")
    }

    @Test func everyFindingSaysWhatToDoAndBothLanguagesAreWritten() {
        for entry in MessageCatalogue.entries {
            let message = entry.example
            #expect(!message.german.isEmpty && !message.english.isEmpty, "\(message.id)")
            if entry.severity != nil { #expect(entry.fix?.isEmpty == false, "\(message.id) has no fix") }
            // German is German: no English quoting and none of English's small words.
            if message.id != "programm-ausgabe" {
                #expect(message.german != message.english, "\(message.id)")
                #expect(!message.german.contains(" must ") && !message.german.contains(" the ") && !message.german.contains(" is "),
                        "\(message.id): \(message.german)")
            }
        }
    }

    @Test func theGuideShowsTheCatalogue() throws {
        let text = try String(contentsOf: Self.guide, encoding: .utf8)
        let begin = try #require(text.range(of: MessageGuide.beginMarker), "docs/redaktion.md lacks the marker line")
        let end = try #require(text.range(of: MessageGuide.endMarker))
        let written = String(text[begin.upperBound..<end.lowerBound])
        let made = "\n" + MessageGuide.markdown() + "\n"
        if written != made, ProcessInfo.processInfo.environment["VERNETZT_WRITE_GUIDE"] == "1" {
            try (text[..<begin.upperBound] + made + text[end.lowerBound...]).write(to: Self.guide, atomically: true, encoding: .utf8)
            return
        }
        #expect(written == made, "docs/redaktion.md is out of date: run VERNETZT_WRITE_GUIDE=1 swift test --filter theGuideShowsTheCatalogue")
    }

    @Test func everyMessageHasItsSectionInTheGuide() {
        let guide = MessageGuide.markdown()
        for entry in MessageCatalogue.entries {
            #expect(guide.contains("\n#### Meldung \(entry.example.id)\n"), "\(entry.example.id)")
        }
    }
}
