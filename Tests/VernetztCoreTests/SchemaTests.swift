import Foundation
import Testing
@testable import VernetztCore
@testable import VernetztEngine
@testable import VernetztModel
@testable import VernetztServe

/// The schema itself: the built-in nine kinds, a site's `schema.yml` laid over them, and every
/// mistake in it reported at its line and column.
@Suite struct SchemaTests {
    func load(_ text: String) throws(BuildFailure) -> Schema {
        try Schema.load(SourceFile(path: "layouts/schema.yml", text: text))
    }

    func errors(_ text: String) -> [String] {
        do {
            _ = try load(text)
            return []
        } catch {
            return error.diagnostics.filter(\.isError).map(\.description)
        }
    }

    @Test func builtInHasTheNineKindsInTheirOrder() {
        let schema = Schema.builtIn
        #expect(schema.kinds.map(\.name) == ["post", "casestudy", "format", "partner", "event", "person", "theme", "testimonial", "page"])
        #expect(schema.folders == ["blog", "praxisbeispiele", "angebote", "partner", "veranstaltungen", "team", "themen", "stimmen", "seiten"])
        #expect(schema.backlinkOrder.map(\.name) == ["testimonial", "casestudy", "event", "post", "format", "theme", "partner", "person", "page"])
        #expect(schema.homeKind.name == "page")
        let event = schema.kind(named: "event")!
        #expect(event.event?.start.name == "start" && event.event?.location?.fields.map(\.name) == ["name", "address", "postal_code", "city"])
        #expect(schema.kind(named: "page")?.urlPrefix == "" && schema.kind(named: "post")?.urlPrefix == "blog/")
        #expect(schema.kind(named: "format")?.order == .number(schema.kind(named: "format")!.field(named: "order")!))
    }

    @Test func aSiteAddsAKindAndAFieldAndKeepsTheRest() throws {
        let schema = try load(SchemaSiteTests.schema)
        #expect(schema.kinds.count == 10)
        let format = try #require(schema.kind(named: "format"))
        // `contact` is built in; the site's takes its place and makes it a list.
        #expect(format.fields.map(\.name) == ["category", "themes", "contact", "order", "image", "image_alt"])
        #expect(schema.target(of: format.field(named: "contact")!)?.name == "person" && format.field(named: "contact")!.many)
        let project = try #require(schema.kind(folder: "projekte"))
        #expect(project.urlPrefix == "projekte/" && project.layoutName == "project" && project.order == .newestFirst)
        #expect(project.dateField?.name == "start" && project.has(.related) && !project.has(.topicFeed))
        #expect(schema.backlinkOrder.map(\.name).prefix(2) == ["testimonial", "project"])
        #expect(schema.fingerprint != Schema.builtIn.fingerprint)
    }

    @Test func aSiteChangesABuiltInKind() throws {
        let schema = try load("kinds:\n  post:\n    plural: Neuigkeiten\n    url: /neuigkeiten/{slug}/\n")
        let post = try #require(schema.kind(named: "post"))
        #expect(post.pluralTitle == "Neuigkeiten" && post.urlPrefix == "neuigkeiten/" && post.folder == "blog")
        #expect(post.fields.count == 8)
    }

    @Test func mistakesAreReportedAtTheirPlace() {
        #expect(errors("kinds:\n  post:\n    plurl: Blog\n")
                == ["layouts/schema.yml:3:5: error: unknown key 'plurl' (did you mean 'plural'?)"])
        #expect(errors("kinds:\n  post:\n    fields:\n      mood: {type: txt}\n")
                == ["layouts/schema.yml:4:20: error: 'type' must be one of 'text', 'markdown', 'date', 'datetime', 'date-or-datetime', 'bool', 'number', 'url', 'email', 'phone', 'enum', 'image', 'reference', 'list', 'object', not 'txt' (did you mean 'text'?)"])
        #expect(errors("kinds:\n  format:\n    fields:\n      contact: {type: reference, to: persn}\n")
                == ["layouts/schema.yml:4:34: error: unknown kind 'persn' in 'to' (did you mean 'person'?); kinds are post, casestudy, format, partner, event, person, theme, testimonial, page"])
        #expect(errors("kinds:\n  news:\n    folder: blog\n    singular: N\n    plural: N\n    url: /news/{slug}/\n")
                == ["layouts/schema.yml:2:3: error: kinds 'post' and 'news' share the folder 'blog': each kind needs its own"])
        #expect(errors("kinds:\n  archive:\n    folder: archiv\n    singular: A\n    plural: A\n    url: /blog/archiv/{slug}/\n")
                == ["layouts/schema.yml:2:3: error: the URLs of kinds 'post' (/blog/<slug>/) and 'archive' (/blog/archiv/<slug>/) can collide: one lies inside the other"])
        #expect(errors("kinds:\n  news:\n    folder: news\n    singular: N\n    plural: N\n    url: /blog/{slug}/\n")
                == ["layouts/schema.yml:2:3: error: kinds 'post' and 'news' both put their items at /blog/<slug>/"])
        #expect(errors("kinds:\n  news:\n    folder: news\n    singular: N\n    plural: N\n    url: blog\n")
                == ["layouts/schema.yml:6:5: error: 'url' must be like /{slug}/ or /blog/{slug}/: folders of a–z, 0–9 and '-', ending in {slug}/, not 'blog'"])
        #expect(errors("kinds:\n  news:\n    singular: N\n")
                == ["layouts/schema.yml:2:3: error: missing required key 'folder'", "layouts/schema.yml:2:3: error: missing required key 'plural'"])
        #expect(errors("backlink_order: [post, evnt]\n")
                == ["layouts/schema.yml:1:24: error: unknown kind 'evnt' in 'backlink_order' (did you mean 'event'?)"])
        #expect(errors("kinds:\n  post:\n    fields:\n      title: {type: text}\n      status: {type: text}\n")
                == ["layouts/schema.yml:4:7: error: 'title' is a key every kind has; a field cannot take its name",
                    "layouts/schema.yml:5:7: error: 'status' is a name layouts already see on every page; call the field otherwise"])
        #expect(errors("kinds:\n  post:\n    date: image\n")
                == ["layouts/schema.yml:3:5: error: 'date' needs a field of type date or datetime or date-or-datetime; 'image' is image"])
        #expect(errors("kinds:\n  event:\n    event: {start: begin}\n")
                == ["layouts/schema.yml:3:13: error: unknown field 'begin' for 'event.start'"])
        #expect(errors("kinds:\n  post:\n    fields:\n      mood: {type: enum}\n")
                == ["layouts/schema.yml:4:7: error: enum field 'mood' needs 'values': a list of words, or words with their titles"])
        #expect(errors("kinds:\n  post:\n    fields:\n      mood: {type: text, many: true}\n")
                == ["layouts/schema.yml:4:26: error: 'many' belongs to fields of type reference"])
        #expect(errors("kinds:\n  post:\n    fields:\n      top: {type: bool, default: vielleicht}\n")
                == ["layouts/schema.yml:4:25: error: 'default: vielleicht' is not a value of type bool"])
        #expect(errors("kinds:\n  post:\n    roles: [feed, sitemap]\n")
                == ["layouts/schema.yml:3:19: error: unknown role 'sitemap'; roles are feed, list_feed, topic_feed, related, orphan_warning, members"])
        #expect(errors("kinds:\n  tags:\n    folder: tags\n    singular: T\n    plural: T\n    url: /schlagwoerter/{slug}/\n")
                == ["layouts/schema.yml:2:3: error: the URL of kind 'tags' lies in /schlagwoerter/, which vernetzt writes itself"])
        #expect(errors("kinds: [post]\n") == ["layouts/schema.yml:1:8: error: 'kinds' must have keys and values, found a list"])
        #expect(errors("kinds:\n  partner:\n    fields:\n      logo: {type: image, alt: logo_txt}\n      logo_text: {type: text}\n")
                == ["layouts/schema.yml:4:32: error: 'alt: logo_txt' of field 'logo' must name a text field of the same kind (did you mean 'logo_text'?)"])
    }

    @Test func aSchemaThatIsNotYAMLNamesItsLine() {
        let found = errors("kinds:\n  post: [\n")
        #expect(found.count == 1 && found[0].hasPrefix("layouts/schema.yml:3:"))
    }

    /// README's table of kinds is the built-in schema's: every folder with its URL and every key.
    @Test func readmeContractMatchesTheBuiltInSchema() throws {
        let readme = try String(contentsOf: TemporarySite.repoRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let rows = readme.split(separator: "\n").filter { $0.hasPrefix("| `") && $0.contains("/` |") && $0.contains("<slug>") }
        #expect(rows.count == Schema.builtIn.kinds.count)
        for kind in Schema.builtIn.kinds {
            guard let row = rows.first(where: { $0.hasPrefix("| `\(kind.folder)/` |") }) else {
                Issue.record("README has no row for \(kind.folder)/")
                continue
            }
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            // A kind without item pages is found on its list, under an id.
            #expect(cells[2] == (kind.hasPages ? "`/\(kind.urlPrefix)<slug>/`" : "`/\(kind.urlPrefix)#\(kind.folder)-<slug>`"), "\(kind.folder)")
            let written = Set(cells[3].split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
                .filter { SchemaReader.isName($0) })
            var declared = Set(kind.fields.map(\.name))
            for field in kind.fields { declared.formUnion(field.fields.map(\.name)) }
            // Enum values are named in the row too.
            let values = Set(kind.fields.flatMap(\.values))
            #expect(written.subtracting(values) == declared, "\(kind.folder)")
        }
    }
}
