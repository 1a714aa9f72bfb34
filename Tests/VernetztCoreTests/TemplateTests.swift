import Foundation
import Testing
@testable import VernetztCore
@testable import VernetztEngine
@testable import VernetztModel
@testable import VernetztServe

/// The Mustache engine on its own: layouts compiled into one program, rendered against
/// typed view models.
@Suite struct TemplateTests {
    /// Renders `layout` out of `templates` (name → source) against `context`.
    func render(_ templates: [String: String], _ layout: String, _ context: TemplateObject) throws -> String {
        let compiled = try templates.mapValues { try TemplateParser.compile($0) }
        return String(decoding: TemplateRenderer(program: TemplateProgram(compiled)).render(layout, context), as: UTF8.self)
    }

    @Test func variablesAreEscapedUnlessTripled() throws {
        let context: TemplateObject = [.title: "<b>&</b>", .count: 3, TemplateKey("lead"): true]
        #expect(try render(["x": "{{title}}|{{{title}}}|{{& title}}|{{count}}|{{lead}}|{{missing}}"], "x", context)
                == "&lt;b&gt;&amp;&lt;/b&gt;|<b>&</b>|<b>&</b>|3|true|")
    }

    @Test func sectionsOverListsObjectsFlagsAndText() throws {
        let items: [TemplateObject] = [[.title: "a"], [.title: "b"], [.title: "c"]]
        let context: TemplateObject = [.items: .objects(items), .og: .object([.title: "o"]), TemplateKey("lead"): false,
                                       .summary: "", .tags: .texts(["x", "y"]), .pages: .list([])]
        let source = "{{#items}}{{title}}{{^last()}},{{/last()}}{{/items}}|{{#og}}{{title}}{{/og}}|{{#lead}}L{{/lead}}"
            + "{{^lead}}not{{/lead}}|{{#summary}}S{{/summary}}|{{#tags}}[{{.}}]{{/tags}}|{{^pages}}none{{/pages}}"
        #expect(try render(["x": source], "x", context) == "a,b,c|o|not|S|[x][y]|none")
    }

    /// A name is looked up from the innermost context outwards; a dotted name's rest only
    /// inside what its first part found.
    @Test func lookupGoesOutwardsButDottedNamesStayInside() throws {
        let context: TemplateObject = [.title: "page", .site: .object([.title: "site"]),
                                       .items: .objects([[.url: "/a/"], [.title: "own", .site: .object([:])]])]
        #expect(try render(["x": "{{#items}}{{title}}:{{site.title}};{{/items}}"], "x", context) == "page:site;own:;")
    }

    /// Blocks given further out win; a parent's own defaults show where nothing is given;
    /// partials render in the caller's context, and a missing one renders nothing.
    @Test func inheritanceAndPartials() throws {
        let templates = [
            "base": "<{{$head}}H{{/head}}|{{$main}}M{{/main}}|{{> partials/foot}}{{> nothing}}>",
            "page": "{{<base}}{{$main}}page {{title}}{{/main}}{{$head}}P{{/head}}{{/base}}",
            "post": "{{<page}}{{$head}}post{{/head}}{{/page}}",
            "partials/foot": "[{{title}}]",
        ]
        let context: TemplateObject = [.title: "T"]
        #expect(try render(templates, "base", context) == "<H|M|[T]>")
        #expect(try render(templates, "page", context) == "<P|page T|[T]>")
        #expect(try render(templates, "post", context) == "<post|page T|[T]>")
    }

    @Test func aKeySetTwiceKeepsTheLastValueAndNilRemovesIt() {
        var object: TemplateObject = [.title: "a"]
        object[.title] = "b"
        #expect(object[.title]?.text == "b")
        object[.title] = nil
        #expect(object[.title] == nil && object.isEmpty)
        object.set(.summary, nil as String?)
        #expect(object.isEmpty)
    }

    @Test func theSameNameIsTheSameKey() {
        #expect(TemplateKey("title") == .title)
        #expect(TemplateKey("ein-eigener-name") == TemplateKey("ein-eigener-name"))
        #expect(TemplateKey("ein-eigener-name") != .title)
        #expect(TemplateKey("page_url").name == "page_url")
    }
}
