import Foundation
import VernetztEngine

/// Reads the schema: the built-in text, with the site's `schema.yml` laid over it, checked like
/// content — unknown keys and types with the nearest known one, references to kinds that do not
/// exist, two kinds in one folder, URL patterns that can collide — each at its line and column.
struct SchemaReader {
    private let path: String
    private let dates = DateParser(timeZone: TimeZone(identifier: "UTC")!)
    private var diagnostics: [Diagnostic] = []
    /// Where each image field's `alt` is written, for the check once all fields are known.
    private var altLocations: [ObjectIdentifier: SourceLocation] = [:]

    private init(path: String) {
        self.path = path
    }

    static func read(builtIn: String, overlay: SourceFile?) throws(BuildFailure) -> Schema {
        var hasher = StableHasher()
        hasher.combine(builtIn)
        guard let base = try? YAMLDocument.compose(Substring(builtIn), path: BuiltInSchema.path, firstLine: 1) else {
            throw BuildFailure([.error(SourceLocation(path: BuiltInSchema.path), .builtInSchemaBroken)])
        }
        var node = base
        var path = BuiltInSchema.path
        if let overlay {
            hasher.combine(overlay.contentHash)
            path = overlay.path
            do throws(Diagnostic) {
                let text = try TextDecoding.decode(overlay.bytes, path: overlay.path)
                if let composed = try YAMLDocument.compose(Substring(text), path: overlay.path, firstLine: 1) {
                    node = SchemaMerge.merge(base, composed)
                }
            } catch {
                throw BuildFailure([error])
            }
        }
        var reader = SchemaReader(path: path)
        let schema = reader.schema(node, fingerprint: hasher.finalize())
        guard let schema, !reader.diagnostics.contains(where: \.isError) else {
            throw BuildFailure(reader.diagnostics)
        }
        return schema
    }

    // MARK: The file

    private mutating func schema(_ node: YAMLValue, fingerprint: Int) -> Schema? {
        var root = FieldReader(node: node, path: path, firstLine: 1, dates: dates)
        let homeName = root.string("home") ?? "page"
        let homeLocation = root.keyLocation("home")
        let rankNames = root.strings("backlink_order")
        var kindEntries: [(key: String, location: SourceLocation, value: YAMLValue)] = []
        if var kinds = root.nested("kinds") {
            kindEntries = kinds.keyedEntries()
            for entry in kindEntries { kinds.accept(entry.key) }
            root.absorb(&kinds)
        } else if !root.contains("kinds") {
            root.error(root.keyLocation("kinds"), .schemaNeedsKinds)
        }
        root.finish()
        diagnostics += root.diagnostics
        if kindEntries.isEmpty { return nil }

        let names = kindEntries.map(\.key)
        for entry in kindEntries where !Self.isName(entry.key) {
            diagnostics.append(.error(entry.location, .kindName(entry.key)))
        }
        var ranks: [String: Int] = [:]
        for (rank, written) in rankNames.enumerated() {
            if !names.contains(written.text) {
                diagnostics.append(.error(written.location, .unknownKind(written.text, in: "backlink_order", kinds: names)))
            } else if ranks[written.text] != nil {
                diagnostics.append(.error(written.location, .namedTwice(written.text, in: "backlink_order")))
            } else {
                ranks[written.text] = rank
            }
        }
        var kinds: [ContentKind] = []
        for (index, entry) in kindEntries.enumerated() {
            let rank = ranks[entry.key] ?? rankNames.count + index
            if let kind = kind(entry, index: index, rank: rank, names: names) { kinds.append(kind) }
        }
        guard kinds.count == kindEntries.count, !kinds.isEmpty else { return nil }
        checkFolders(kinds, kindEntries)
        checkURLs(kinds, kindEntries)
        guard let home = kinds.first(where: { $0.name == homeName }) else {
            diagnostics.append(.error(homeLocation, .unknownKind(homeName, in: "home", kinds: names)))
            return nil
        }
        return Schema(kinds: kinds, homeKind: home, fingerprint: fingerprint)
    }

    // MARK: A kind

    private mutating func kind(_ entry: (key: String, location: SourceLocation, value: YAMLValue), index: Int, rank: Int,
                               names: [String]) -> ContentKind? {
        guard case .keys = entry.value else {
            diagnostics.append(.error(entry.location, .kindNeedsKeys(entry.key)))
            return nil
        }
        var reader = FieldReader(node: entry.value, path: path, firstLine: 1, dates: dates, missingAt: entry.location)
        let folder = reader.string("folder", required: true) ?? entry.key
        if !folder.isEmpty, Slug.make(folder) != folder {
            reader.error(reader.keyLocation("folder"), .folderLetters(suggestion: Slug.make(folder)))
        }
        let singular = reader.string("singular", required: true) ?? entry.key
        let plural = reader.string("plural", required: true) ?? entry.key
        let backlinkTitle = reader.string("backlink_title") ?? plural
        let noun = reader.string("noun") ?? entry.key
        let urlLocation = reader.keyLocation("url")
        let url = reader.string("url") ?? "/\(folder)/{slug}/"
        let urlPrefix = urlPrefix(of: url, at: urlLocation) ?? folder + "/"
        let layout = reader.string("layout") ?? entry.key
        let listLayout = reader.string("list_layout") ?? "list"
        let hasListPage = reader.bool("list_page") ?? true
        let hasPages = reader.bool("pages") ?? true
        // A kind without item pages is reached on its list page: it needs one.
        if !hasPages && !hasListPage { reader.error(reader.keyLocation("pages"), .pagesNeedList) }
        let titleRequired = reader.bool("title_required") ?? true
        let dateName = reader.string("date")
        let dateLocation = reader.keyLocation("date")
        let orderWritten = reader.string("order")
        let orderLocation = reader.keyLocation("order")
        let homeCount = homeCount(&reader)
        let roles = reader.strings("roles").compactMap { written -> KindRole? in
            guard let role = KindRole(rawValue: written.text) else {
                let all = KindRole.allCases.map(\.rawValue)
                reader.error(written.location, .unknownRole(written.text, roles: all))
                return nil
            }
            return role
        }
        let jsonLD = reader.choice("json_ld", among: Self.pageTypes)
        let entity = reader.choice("entity", among: Self.entityTypes) ?? "Thing"
        let eventNode = reader.value("event")
        let quoteNode = reader.value("quote")
        var fields: [FieldSchema] = []
        if var fieldsReader = reader.nested("fields") {
            let entries = fieldsReader.keyedEntries()
            for field in entries { fieldsReader.accept(field.key) }
            reader.absorb(&fieldsReader)
            fields = self.fields(entries, of: entry.key, names: names, nested: false)
        } else if !reader.contains("fields") {
            reader.accept("fields")
        }
        reader.finish()
        diagnostics += reader.diagnostics
        checkAlts(fields)

        let dateField = dateName.flatMap { name in
            field(name, in: fields, at: dateLocation, for: "date", types: [.date, .datetime, .dateOrDatetime])
        }
        let order: ListOrderRule
        switch orderWritten {
        case "newest-first"?: order = .newestFirst
        case "oldest-first"?: order = .oldestFirst
        case "title"?: order = .title
        case "family-name"?: order = .familyName
        case nil: order = dateField == nil ? .title : .newestFirst
        case let name?:
            if let field = fields.first(where: { $0.name == name }), field.type == .number {
                order = .number(field)
            } else {
                diagnostics.append(.error(orderLocation, .orderWord(name, words: ListOrderRule.words,
                                                                    numberFields: fields.filter { $0.type == .number }.map(\.name))))
                order = .title
            }
        }
        if (order == .newestFirst || order == .oldestFirst) && dateName == nil {
            diagnostics.append(.error(orderLocation, .orderNeedsDate(orderWritten ?? "")))
        }
        let event = eventNode.flatMap { eventRole($0, fields) }
        let quote = quoteNode.flatMap { quoteRole($0, fields) }
        if jsonLD == "Event" && eventNode == nil {
            diagnostics.append(.error(entry.location, .eventNeedsRoles))
        }
        return ContentKind(index: index, name: entry.key, folder: folder, urlPrefix: urlPrefix, layoutName: layout,
                           listLayout: listLayout, noun: noun, singularTitle: singular, pluralTitle: plural,
                           backlinkTitle: backlinkTitle, hasListPage: hasListPage, hasPages: hasPages, order: order, dateField: dateField,
                           homeCount: homeCount, roles: Set(roles), event: event, quote: quote, jsonLD: jsonLD,
                           entity: entity, titleRequired: titleRequired, fields: fields, backlinkRank: rank)
    }

    static let pageTypes = ["BlogPosting", "Article", "CreativeWork", "Event", "Person", "Organization"]
    static let entityTypes = ["Thing", "Person", "Organization", "Place", "CreativeWork", "Event"]
    /// Keys every kind has (`CommonFields`): no field may take them.
    static let commonKeys = ["title", "slug", "summary", "draft", "updated", "expires", "aliases"]
    /// Keys the view models set on every item's page: a field of that name would hide them.
    static let pageKeys = ["id", "url", "kind", "anchor", "status", "quote", "when", "place", "is_past", "content", "has_context",
                           "search_filters", "backlinks", "backlink_groups", "related", "open_registration", "registration_again", "toc", "ics_url",
                           "format_title", "format_url", "site", "page_title", "heading", "canonical", "page_url", "is_home",
                           "json_ld", "feeds", "og", "menu", "items", "pagination"]

    /// `home: 3`, `home: all` or `home: none` (the default).
    private func homeCount(_ reader: inout FieldReader) -> Int? {
        guard let written = reader.string("home") else { return nil }
        switch written {
        case "all": return Int.max
        case "none": return nil
        default:
            guard let count = Int(written), count > 0 else {
                reader.error(reader.keyLocation("home"), .homeCount(written))
                return nil
            }
            return count
        }
    }

    /// `/blog/{slug}/` → `blog/`; `/{slug}/` → "".
    private mutating func urlPrefix(of pattern: String, at location: SourceLocation) -> String? {
        let segments = pattern.split(separator: "/", omittingEmptySubsequences: false)
        guard pattern.hasPrefix("/"), pattern.hasSuffix("/{slug}/"), segments.count >= 3,
              segments.dropFirst().dropLast(2).allSatisfy({ !$0.isEmpty && Slug.make(String($0)) == $0 }) else {
            diagnostics.append(.error(location, .urlPattern(pattern)))
            return nil
        }
        return segments.dropFirst().dropLast(2).map { $0 + "/" }.joined()
    }

    // MARK: Fields

    private mutating func fields(_ entries: [(key: String, location: SourceLocation, value: YAMLValue)], of kind: String,
                                 names: [String], nested: Bool) -> [FieldSchema] {
        var fields: [FieldSchema] = []
        for entry in entries {
            if !Self.isName(entry.key) {
                diagnostics.append(.error(entry.location, .fieldName(entry.key)))
                continue
            }
            if !nested && Self.commonKeys.contains(entry.key) {
                diagnostics.append(.error(entry.location, .fieldNameCommon(entry.key)))
                continue
            }
            if !nested && Self.pageKeys.contains(entry.key) {
                diagnostics.append(.error(entry.location, .fieldNameReserved(entry.key)))
                continue
            }
            if let field = field(entry, index: fields.count, names: names, nested: nested) { fields.append(field) }
        }
        return fields
    }

    private mutating func field(_ entry: (key: String, location: SourceLocation, value: YAMLValue), index: Int,
                                names: [String], nested: Bool) -> FieldSchema? {
        guard case .keys = entry.value else {
            diagnostics.append(.error(entry.location, .fieldNeedsKeys(entry.key)))
            return nil
        }
        var reader = FieldReader(node: entry.value, path: path, firstLine: 1, dates: dates, missingAt: entry.location)
        let typeName = reader.choice("type", among: FieldType.allCases.map(\.rawValue))
        guard reader.contains("type") else {
            reader.error(entry.location, .fieldNeedsType(entry.key, types: FieldType.allCases.map(\.rawValue)))
            diagnostics += reader.diagnostics
            return nil
        }
        let type = typeName.flatMap(FieldType.init(rawValue:))
        let required = reader.bool("required") ?? false
        let title = reader.string("title") ?? entry.key
        func only(_ key: String, for types: [FieldType]) -> Bool {
            guard reader.contains(key) else { return true }
            guard let type, types.contains(type) else {
                reader.error(reader.keyLocation(key), .keyForTypes(key, types: types.map(\.rawValue)))
                reader.accept(key)
                return false
            }
            return true
        }
        var target: Int?
        let targetLocation = reader.keyLocation("to")
        if only("to", for: [.reference]), let name = reader.string("to") {
            target = names.firstIndex(of: name)
            if target == nil {
                reader.error(targetLocation, .unknownKind(name, in: "to", kinds: names, listing: true))
            }
        } else if type == .reference && !reader.contains("to") {
            reader.error(entry.location, .referenceNeedsTarget(entry.key))
        }
        let many = only("many", for: [.reference]) ? reader.bool("many") ?? false : false
        let minimum = only("min", for: [.reference]) ? reader.int("min") ?? 0 : 0
        if minimum > 0 && !many { reader.error(reader.keyLocation("min"), .minimumNeedsMany) }
        var values: [String] = []
        var valueTitles: [String: String] = [:]
        if only("values", for: [.enumeration]), let node = reader.value("values") {
            (values, valueTitles) = enumValues(node, &reader)
        } else if type == .enumeration {
            reader.error(entry.location, .enumNeedsValues(entry.key))
        }
        var nestedFields: [FieldSchema] = []
        if only("fields", for: [.object]), var nestedReader = reader.nested("fields") {
            let entries = nestedReader.keyedEntries()
            for field in entries { nestedReader.accept(field.key) }
            reader.absorb(&nestedReader)
            nestedFields = fields(entries, of: entry.key, names: names, nested: true)
        } else if type == .object && !reader.contains("fields") {
            reader.error(entry.location, .objectNeedsFields(entry.key))
        }
        if nested, let type, [.reference, .object, .markdown].contains(type) {
            reader.error(reader.keyLocation("type"), .typeInObject(type.rawValue))
        }
        let roleLocation = reader.keyLocation("role")
        let role = reader.choice("role", among: FieldRole.allCases.map(\.rawValue)).flatMap(FieldRole.init(rawValue:))
        if role == .authors && !(type == .reference && many) { reader.error(roleLocation, .authorsRole) }
        if role == .tags && type != .list { reader.error(roleLocation, .tagsRole) }
        let facet = only("facet", for: [.reference]) ? reader.bool("facet") ?? false : false
        let group = reader.string("group")
        if let group, !Self.isName(group) { reader.error(reader.keyLocation("group"), .groupName(group)) }
        let jsonLD = reader.string("json_ld")
        let teaser = reader.bool("teaser") ?? false
        let altLocation = reader.valueLocation("alt")
        let alt = only("alt", for: [.image]) ? reader.string("alt") : nil
        let use = only("use", for: [.image]) ? reader.choice("use", among: PictureUse.allCases.map(\.rawValue)).flatMap(PictureUse.init(rawValue:)) : nil
        let defaultLocation = reader.keyLocation("default")
        let defaultNode = reader.value("default")
        reader.finish()
        diagnostics += reader.diagnostics
        guard let type else { return nil }
        var defaultValue: FieldValue?
        if let defaultNode { defaultValue = self.defaultValue(defaultNode, type: type, values: values, at: defaultLocation) }
        let field = FieldSchema(index: index, name: entry.key, type: type, required: required, defaultValue: defaultValue,
                                title: title, target: target, many: many, minimum: minimum, values: values,
                                valueTitles: valueTitles, fields: nestedFields, role: role, facet: facet, group: group,
                                jsonLD: jsonLD, teaser: teaser, alt: alt, pictureUse: use ?? .photo)
        if alt != nil { altLocations[ObjectIdentifier(field)] = altLocation }
        return field
    }

    /// `[a, b]`, or `{a: Titel A, b: Titel B}`.
    private func enumValues(_ node: YAMLValue, _ reader: inout FieldReader) -> ([String], [String: String]) {
        switch node {
        case .list(let items, _):
            return (items.compactMap(\.text), [:])
        case .keys(let entries, _):
            var values: [String] = []
            var titles: [String: String] = [:]
            for entry in entries {
                guard let value = entry.key.text, let title = entry.value.text else { continue }
                values.append(value)
                titles[value] = title
            }
            return (values, titles)
        case .text:
            reader.error(reader.location(of: node), .valuesShape)
            return ([], [:])
        }
    }

    /// A default is a single value of the field's type.
    private mutating func defaultValue(_ node: YAMLValue, type: FieldType, values: [String], at location: SourceLocation) -> FieldValue? {
        guard let text = node.text else {
            diagnostics.append(.error(location, .defaultSingle))
            return nil
        }
        switch type {
        case .bool:
            if ["true", "false"].contains(text) { return .bool(text == "true") }
        case .number:
            if let number = Int(text) { return .number(number) }
        case .text, .url, .email, .phone, .image:
            return .text(text)
        case .enumeration:
            if values.contains(text) { return .text(text) }
        case .date, .datetime, .dateOrDatetime:
            if let date = dates.parse(text) { return .date(date) }
        case .markdown, .reference, .list, .object:
            diagnostics.append(.error(location, .noDefault(type.rawValue)))
            return nil
        }
        diagnostics.append(.error(location, .defaultType(text, type: type.rawValue)))
        return nil
    }

    // MARK: Roles

    /// The field `name` of the kind, which must be of one of `types`.
    private mutating func field(_ name: String, in fields: [FieldSchema], at location: SourceLocation, for role: String,
                                types: [FieldType]) -> FieldSchema? {
        guard let field = fields.first(where: { $0.name == name }) else {
            diagnostics.append(.error(location, .unknownFieldForRole(name, role: role, fields: fields.map(\.name))))
            return nil
        }
        guard types.contains(field.type) else {
            diagnostics.append(.error(location, .roleFieldType(name, role: role, types: types.map(\.rawValue), actual: field.type.rawValue)))
            return nil
        }
        return field
    }

    private mutating func eventRole(_ node: YAMLValue, _ fields: [FieldSchema]) -> EventRole? {
        var reader = FieldReader(node: node, path: path, firstLine: 1, dates: dates, missingAt: location(of: node))
        let dated: [FieldType] = [.date, .datetime, .dateOrDatetime]
        var found: [String: FieldSchema] = [:]
        let wanted: [(key: String, types: [FieldType], required: Bool)] = [
            ("start", dated, true), ("end", dated, false), ("location", [.object], false), ("online", [.bool], false),
            ("registration", [.url], false), ("deadline", dated, false),
        ]
        for (key, types, required) in wanted {
            let location = reader.keyLocation(key)
            guard let name = reader.string(key, required: required) else { continue }
            found[key] = field(name, in: fields, at: location, for: "event." + key, types: types)
        }
        reader.finish()
        diagnostics += reader.diagnostics
        guard let start = found["start"] else { return nil }
        return EventRole(start: start, end: found["end"], location: found["location"], online: found["online"],
                         registration: found["registration"], deadline: found["deadline"])
    }

    private mutating func quoteRole(_ node: YAMLValue, _ fields: [FieldSchema]) -> QuoteRole? {
        var reader = FieldReader(node: node, path: path, firstLine: 1, dates: dates, missingAt: location(of: node))
        let sourceLocation = reader.keyLocation("source")
        let sourceName = reader.string("source", required: true)
        let contextLocation = reader.keyLocation("context")
        let contextName = reader.string("context")
        reader.finish()
        diagnostics += reader.diagnostics
        guard let sourceName, let source = field(sourceName, in: fields, at: sourceLocation, for: "quote.source", types: [.text]) else {
            return nil
        }
        let context = contextName.flatMap { field($0, in: fields, at: contextLocation, for: "quote.context", types: [.reference]) }
        return QuoteRole(source: source, context: context)
    }

    // MARK: Checks across fields and kinds

    /// An image's `alt` names a text field of the same kind.
    private mutating func checkAlts(_ fields: [FieldSchema]) {
        for field in fields {
            guard let alt = field.alt else { continue }
            if !fields.contains(where: { $0.name == alt && $0.type == .text }) {
                diagnostics.append(.error(altLocations[ObjectIdentifier(field)] ?? SourceLocation(path: path),
                                          .altField(alt, field: field.name, textFields: fields.filter { $0.type == .text }.map(\.name))))
            }
        }
    }

    private mutating func checkFolders(_ kinds: [ContentKind], _ entries: [(key: String, location: SourceLocation, value: YAMLValue)]) {
        var owners: [String: ContentKind] = [:]
        for kind in kinds {
            if let other = owners[kind.folder] {
                diagnostics.append(.error(entries[kind.index].location, .sharedFolder(other.name, kind.name, folder: kind.folder)))
            } else {
                owners[kind.folder] = kind
            }
        }
    }

    /// Two kinds whose items could get the same address: the same folder in the URL, or one
    /// folder inside another's (`/blog/{slug}/` and `/blog/archiv/{slug}/`: a post `archiv`).
    private mutating func checkURLs(_ kinds: [ContentKind], _ entries: [(key: String, location: SourceLocation, value: YAMLValue)]) {
        let reserved = [Tag.folder, SitePaths.search, SitePaths.searchIndex, SitePaths.assets]
        for kind in kinds {
            let location = entries[kind.index].location
            if let taken = reserved.first(where: { kind.urlPrefix.hasPrefix($0) }) {
                diagnostics.append(.error(location, .urlTaken(kind.name, taken: taken)))
            }
            for other in kinds where other.index < kind.index && !other.urlPrefix.isEmpty && !kind.urlPrefix.isEmpty {
                if other.urlPrefix == kind.urlPrefix {
                    diagnostics.append(.error(location, .sharedURL(other.name, kind.name, prefix: kind.urlPrefix)))
                } else if kind.urlPrefix.hasPrefix(other.urlPrefix) || other.urlPrefix.hasPrefix(kind.urlPrefix) {
                    diagnostics.append(.error(location, .nestedURL(other.name, other.urlPrefix, kind.name, kind.urlPrefix)))
                }
            }
        }
    }

    private func location(of node: YAMLValue) -> SourceLocation {
        SourceLocation(path: path, line: node.position.line, column: node.position.column)
    }

    static func isName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
