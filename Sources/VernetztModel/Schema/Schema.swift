import VernetztEngine

/// The kinds of content a site has and their fields: the built-in nine (`BuiltInSchema`),
/// extended or changed by the layouts' `schema.yml`. Everything that treats kinds differently
/// reads it here; no kind is named in Swift.
public struct Schema: Sendable {
    public let kinds: [ContentKind]
    /// The kind `content/index.md` (the home page's own text) is read as.
    public let homeKind: ContentKind
    /// A hash of the schema's text: any change re-parses and re-renders everything (serve).
    public let fingerprint: Int
    /// Kinds in the order their backlink sections appear on a page.
    public let backlinkOrder: [ContentKind]
    /// The kinds whose items are events.
    public let eventKinds: [ContentKind]
    private let byFolder: [String: ContentKind]

    init(kinds: [ContentKind], homeKind: ContentKind, fingerprint: Int) {
        self.kinds = kinds
        self.homeKind = homeKind
        self.fingerprint = fingerprint
        backlinkOrder = kinds.sorted { ($0.backlinkRank, $0.index) < ($1.backlinkRank, $1.index) }
        eventKinds = kinds.filter { $0.event != nil }
        byFolder = Dictionary(kinds.map { ($0.folder, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public func kind(folder: String) -> ContentKind? { byFolder[folder] }

    public func kind(named name: String) -> ContentKind? { kinds.first { $0.name == name } }

    /// The kind a reference field points to.
    public func target(of field: FieldSchema) -> ContentKind? { field.target.map { kinds[$0] } }

    public var folders: [String] { kinds.map(\.folder) }

    /// The built-in schema, read once (its text is checked by the tests).
    public static let builtIn: Schema = {
        do throws(BuildFailure) { return try SchemaReader.read(builtIn: BuiltInSchema.text, overlay: nil) } catch {
            fatalError("the built-in schema is invalid: \(error.diagnostics)")
        }
    }()

    /// The built-in schema, changed by `file` (the layouts' `schema.yml`) when there is one.
    public static func load(_ file: SourceFile?) throws(BuildFailure) -> Schema {
        guard let file else { return builtIn }
        return try SchemaReader.read(builtIn: BuiltInSchema.text, overlay: file)
    }
}
