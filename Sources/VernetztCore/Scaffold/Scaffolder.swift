import Foundation
import VernetztEngine
import VernetztModel

/// `vernetzt new <folder> "Titel"`: writes a new content file from the site's template
/// (`layouts/new/<folder>.md`, Hugo's archetypes) — or, without one, from the kind's fields in
/// the schema — with today's date, `draft: true`, and the valid ids of every folder.
public struct Scaffolder {
    public var root: URL
    public var layouts: URL

    public init(root: URL, layouts: URL? = nil) {
        self.root = root.standardizedFileURL
        self.layouts = (layouts ?? root.appendingPathComponent("layouts")).standardizedFileURL
    }

    /// Creates the file and returns its path relative to the root; with `bundle`, as the
    /// `index.md` of a folder of its own, ready for pictures beside it.
    /// Nothing is written when it fails; the failure says why, at the file or folder concerned.
    public func create(folder: String, title: String, now: Date, bundle makesBundle: Bool = false) throws(BuildFailure) -> String {
        // Run in the wrong folder (the home folder, say), `new` would start a content/ there.
        guard let siteFile = FileBytes.read(root.appendingPathComponent(SiteConfig.path).path) else {
            throw Self.failure(SourceLocation(path: SiteConfig.path), .siteFileMissing)
        }
        let schema = try loadSchema()
        let place = SourceLocation(path: "content/\(folder)")
        guard let kind = schema.kind(folder: folder) else {
            let folders = schema.folders
            throw Self.failure(place, .unknownNewFolder(folder, folders: folders))
        }
        let slug = Slug.make(title)
        guard !slug.isEmpty else { throw Self.failure(place, .titleWithoutName(title)) }
        let file = "content/\(kind.folder)/\(slug).md"
        let folderPath = "content/\(kind.folder)/\(slug)"
        let relative = makesBundle ? folderPath + "/index.md" : file
        let target = root.appendingPathComponent(relative)
        for existing in [file, folderPath] where FileManager.default.fileExists(atPath: root.appendingPathComponent(existing).path) {
            throw Self.failure(SourceLocation(path: existing), .itemExists(slug))
        }
        let templatePath = layouts.appendingPathComponent("new/\(kind.folder).md")
        let templateName = relativePath(of: templatePath)
        let template: [TemplateNode]
        do throws(Diagnostic) {
            let source = if let bytes = FileBytes.read(templatePath.path) { try TextDecoding.decode(bytes, path: templateName) }
                         else { NewFileTemplate.text(for: kind, in: schema) }
            template = try TemplateParser.compile(source, path: templateName)
        } catch {
            throw BuildFailure([error])
        }
        var ids = TemplateObject()
        for (folder, list) in idsByFolder(schema) { ids[TemplateKey(folder)] = .text(list) }
        let context: TemplateObject = [.title: .text(Self.yamlString(title)), .date: .text(Self.day(now, in: Self.timeZone(of: siteFile))),
                                       .ids: .object(ids)]
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(TemplateRenderer(program: TemplateProgram(["new": template])).render("new", context))
                .write(to: target, options: .withoutOverwriting)
        } catch {
            throw Self.failure(SourceLocation(path: relative), .newFileNotWritten(error.localizedDescription))
        }
        return relative
    }

    /// What an editor does next: printed by `new` under the path.
    public static func nextSteps(for path: String) -> Message {
        .draftCreated(path, bundleFolder: path.hasSuffix("/index.md") ? String(path.dropLast("index.md".count)) : nil)
    }

    /// A YAML double-quoted scalar: safe for colons, quotes, `#` and leading dashes.
    static func yamlString(_ text: String) -> String {
        yamlQuoting.quoted(text)
    }

    /// YAML's own line breaks (NEL, U+2028/9) and DEL as escapes too.
    private static let yamlQuoting = QuotedString { [0x7F, 0x85, 0x2028, 0x2029].contains($0.value) }

    static func day(_ now: Date, in zone: TimeZone) -> String {
        let d = DateParser(timeZone: zone).describe(now, wholeDay: true)
        return "\(d.year)-\(GermanDateFormatter.twoDigits(d.month))-\(GermanDateFormatter.twoDigits(d.day))"
    }

    /// The built-in schema with the layouts' `schema.yml`; its errors stop `new`.
    private func loadSchema() throws(BuildFailure) -> Schema {
        let url = layouts.appendingPathComponent(SchemaFile.name)
        return try Schema.load(FileBytes.read(url.path).map { SourceFile(path: relativePath(of: url), bytes: $0) })
    }

    private static func failure(_ location: SourceLocation, _ message: Message) -> BuildFailure {
        BuildFailure([.error(location, message)])
    }

    private func relativePath(of url: URL) -> String {
        let path = url.standardizedFileURL.path
        return path.hasPrefix(root.path + "/") ? String(path.dropFirst(root.path.count + 1)) : path
    }

    /// The time zone site.yml names, else Europe/Berlin (a site.yml with errors does not stop `new`).
    private static func timeZone(of siteFile: [UInt8]) -> TimeZone {
        if let config = try? SiteConfig.parse(SourceFile(path: SiteConfig.path, bytes: siteFile)) { return config.timeZone }
        return TimeZone(identifier: "Europe/Berlin")!
    }

    /// `angebote` → "konvoi-begleitung, umsetzungsprojekt, …", from the file names.
    private func idsByFolder(_ schema: Schema) -> [String: String] {
        var ids: [String: String] = [:]
        for kind in schema.kinds {
            let folder = root.appendingPathComponent("content/\(kind.folder)")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            let found = names.filter { !$0.hasPrefix(".") }.compactMap { name -> String? in
                if name.hasSuffix(".md") { return String(name.dropLast(3)) }
                let index = folder.appendingPathComponent(name).appendingPathComponent("index.md")
                return FileManager.default.fileExists(atPath: index.path) ? name : nil
            }.sorted()
            ids[kind.folder] = found.isEmpty ? "(noch keine)" : found.joined(separator: ", ")
        }
        return ids
    }
}
