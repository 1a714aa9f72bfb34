import VernetztEngine

/// The parse stage for one file: bytes → front matter fields + Markdown tree, with every
/// problem found reported (a file with errors yields no document).
public struct DocumentParser: Sendable {
    public var dates: DateParser
    public var markdown: MarkdownParser
    public var schema: Schema

    public init(dates: DateParser, allowsRawHTML: Bool, language: String = "de", schema: Schema = .builtIn) {
        self.dates = dates
        self.markdown = MarkdownParser(allowsRawHTML: allowsRawHTML, language: language)
        self.markdown.homeFolder = schema.homeKind.folder
        self.schema = schema
    }

    /// The home page's own text.
    static let homePath = "content/index.md"

    public struct Outcome: Sendable {
        public var document: Document?
        public var diagnostics: [Diagnostic]
        /// For a file with errors whose kind and id are known: the item it would have been.
        public var failedKey: DocumentKey?
        /// A file with errors in its fields or text: its references and `@` links as far as they
        /// were read, checked with the others so that their errors come in the same run.
        public var failedReferences: [Reference] = []
        public var failedLinks: [MarkdownLink] = []

        package init(document: Document?, diagnostics: [Diagnostic], failedKey: DocumentKey? = nil) {
            self.document = document
            self.diagnostics = diagnostics
            self.failedKey = failedKey
        }
    }

    public func parse(_ file: SourceFile) -> Outcome {
        let place: (kind: ContentKind, id: String, bundle: String?)
        let split: FrontMatterSplit
        let node: YAMLValue?
        do throws(Diagnostic) {
            place = try self.place(of: file.path)
        } catch {
            return Outcome(document: nil, diagnostics: [error])
        }
        do throws(Diagnostic) {
            split = try FrontMatterSplitter.split(try TextDecoding.decodeBytes(file.bytes, path: file.path), path: file.path)
            node = try YAMLDocument.compose(split.yaml, path: file.path, firstLine: split.yamlFirstLine)
        } catch {
            return Outcome(document: nil, diagnostics: [error], failedKey: DocumentKey(kind: place.kind, id: place.id))
        }

        var reader = FieldReader(node: node, path: file.path, firstLine: split.yamlFirstLine, dates: dates)
        reader.keyWords = place.kind.keyWords
        let common = CommonFields(reading: &reader, titleRequired: place.kind.titleRequired)
        if let slug = common.slug, slug.isEmpty || Slug.make(slug) != slug {
            reader.error(common.slugLocation, .slugLetters(suggestion: Slug.make(slug)))
        } else if let slug = common.slug, slug.utf8.count > SitePaths.longestSegment {
            reader.error(common.slugLocation, .slugLength(SitePaths.longestSegment))
        } else if file.path != Self.homePath, let idSlug = Optional(Slug.make(place.id)), !idSlug.isEmpty, idSlug != place.id {
            // The id is the file's name, and other items refer to it by that: `@blog/Mein Beitrag`
            // would not be found by the address /blog/mein-beitrag/.
            let name = place.bundle == nil ? idSlug + ".md" : idSlug + "/"
            reader.error(SourceLocation(path: file.path), .fileNameNotID(place.id, rename: name))
        } else if common.slug == nil, file.path != Self.homePath, Slug.make(place.id).isEmpty {
            reader.error(SourceLocation(path: file.path), .fileNameWithoutLetters(place.id))
        }
        let fields = FieldValueReader(schema: schema, markdown: markdown).read(place.kind, from: &reader, draft: common.draft)
        reader.finish()

        var body = markdown.parse(utf8: split.body, path: file.path, firstLine: split.bodyFirstLine)
        body.links = fields.links + body.links
        body.localLinks = fields.localLinks + body.localLinks
        let diagnostics = reader.diagnostics + body.diagnostics
        guard !diagnostics.contains(where: \.isError) else {
            var outcome = Outcome(document: nil, diagnostics: diagnostics, failedKey: DocumentKey(kind: place.kind, id: place.id))
            outcome.failedReferences = fields.references
            outcome.failedLinks = body.links
            return outcome
        }
        let document = Document(id: place.id, kind: place.kind, path: file.path, common: common,
                                fields: fields.values, references: fields.references, body: body.body, links: body.links, localLinks: body.localLinks,
                                bundleFolder: place.bundle, fingerprint: file.contentHash,
                                linkSignature: Self.linkSignature(yaml: split.yaml, body: body))
        return Outcome(document: document, diagnostics: diagnostics)
    }

    /// What linking reads of a file: all its front matter, and the body's links, paths and
    /// heading ids. Equal signatures link alike, so `serve` may keep the last link result
    /// when only the text around them changed.
    static func linkSignature(yaml: Substring, body: MarkdownParser.Result) -> Int {
        var hasher = StableHasher()
        hasher.combine(yaml)
        for link in body.links {
            hasher.combine(link.raw)
            hasher.combine(link.isEmbed)
        }
        hasher.combine(-1)
        for link in body.localLinks { hasher.combine(link.raw) }
        hasher.combine(body.body.headingIDs)
        return hasher.finalize()
    }

    /// Kind and id from `content/<folder>/<id>.md` or `content/<folder>/<id>/index.md`.
    func place(of path: String) throws(Diagnostic) -> (kind: ContentKind, id: String, bundle: String?) {
        // Split on the bytes: splitting a String goes character by character, for every file.
        let parts = path.utf8.split(separator: UInt8(ascii: "/")).map(Substring.init)
        let location = SourceLocation(path: path)
        if path == Self.homePath { return (schema.homeKind, "index", nil) }
        guard parts.count >= 3, parts[0] == "content" else {
            throw .error(location, .contentPlace)
        }
        guard let kind = schema.kind(folder: String(parts[1])) else {
            let folders = schema.folders
            throw .error(location, .unknownContentFolder(String(parts[1]), folders: folders))
        }
        // (The loader hands over no other content file than `….md`.)
        guard let (_, id) = Self.folderAndID(of: parts) else {
            throw .error(location, .contentPlace(folder: kind.folder))
        }
        return (kind, id, parts.count == 4 ? parts[0...2].joined(separator: "/") : nil)
    }

    /// Folder and id of `content/<folder>/<id>.md` or `content/<folder>/<id>/index.md`, by the
    /// path's segments; nil for any other place.
    static func folderAndID(of parts: [Substring]) -> (folder: String, id: String)? {
        guard parts.first == "content" else { return nil }
        switch parts.count {
        case 3 where parts[2].hasSuffix(".md"): return (String(parts[1]), String(parts[2].dropLast(".md".count)))
        case 4 where parts[3] == "index.md": return (String(parts[1]), String(parts[2]))
        default: return nil
        }
    }
}
