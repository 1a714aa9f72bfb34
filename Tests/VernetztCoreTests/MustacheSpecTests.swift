import Foundation
import Testing
@testable import VernetztCore
@testable import VernetztEngine
@testable import VernetztModel
@testable import VernetztServe

/// The official Mustache spec (github.com/mustache/spec) on vernetzt's template engine: every
/// test of the required modules and of inheritance, from the copy in `MustacheSpec/`. Lambdas
/// and dynamic names are optional modules of the spec and not part of vernetzt's Mustache.
@Suite struct MustacheSpecTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var file: String
        var name: String
        var template: String
        var partials: [String: String]
        var data: TemplateValue
        var expected: String
        var testDescription: String { "\(file): \(name)" }
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("MustacheSpec")

    /// A spec file: its tests, with data as any JSON.
    struct SpecFile: Decodable {
        var tests: [SpecTest]
    }

    struct SpecTest: Decodable {
        var name: String
        var template: String
        var partials: [String: String]?
        var data: JSON
        var expected: String
    }

    indirect enum JSON: Decodable {
        case null, bool(Bool), number(Double), string(String), list([JSON]), object([String: JSON])

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null }
            else if let flag = try? container.decode(Bool.self) { self = .bool(flag) }
            else if let number = try? container.decode(Double.self) { self = .number(number) }
            else if let text = try? container.decode(String.self) { self = .string(text) }
            else if let list = try? container.decode([JSON].self) { self = .list(list) }
            else { self = .object(try container.decode([String: JSON].self)) }
        }
    }

    static let cases: [Case] = {
        let files = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~inheritance"]
        return files.flatMap { file -> [Case] in
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file + ".json").path),
                  let spec = try? JSONDecoder().decode(SpecFile.self, from: data) else { return [] }
            return spec.tests.map { test in
                Case(file: file, name: test.name, template: test.template, partials: test.partials ?? [:],
                     data: value(test.data), expected: test.expected)
            }
        }
    }()

    /// JSON as view-model values: whole numbers as numbers, others as the text JSON writes
    /// (1.210 → "1.21"), null as a key that is not there.
    static func value(_ json: JSON) -> TemplateValue {
        switch json {
        case .object(let object):
            var values = TemplateObject()
            for (key, item) in object.sorted(by: { $0.key < $1.key }) {
                if case .null = item { continue }
                values[TemplateKey(key)] = value(item)
            }
            return .object(values)
        case .list(let list):
            return .list(list.map(value))
        case .bool(let flag):
            return .flag(flag)
        case .number(let number):
            return number == number.rounded() && abs(number) < 1e15 ? .number(Int(number)) : .text("\(number)")
        case .string(let text):
            return .text(text)
        case .null:
            return .flag(false)
        }
    }

    @Test func theSpecIsThere() {
        let files = Dictionary(grouping: Self.cases, by: \.file).mapValues(\.count)
        #expect(files.count == 7 && files.values.allSatisfy { $0 >= 10 }, "\(files)")
    }

    @Test(arguments: cases)
    func specCase(_ test: Case) throws {
        var templates = ["main": try TemplateParser.compile(test.template)]
        for (name, source) in test.partials { templates[name] = try TemplateParser.compile(source) }
        let output = String(decoding: TemplateRenderer(program: TemplateProgram(templates)).render("main", value: test.data),
                            as: UTF8.self)
        #expect(output == test.expected, "\(test.template.debugDescription)")
    }
}
