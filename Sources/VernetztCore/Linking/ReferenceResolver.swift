import VernetztEngine
import VernetztModel

/// Resolves one reference or `@` link to a document, or explains why it cannot:
/// unknown id (with the nearest one), wrong kind, unknown folder, missing fragment.
struct ReferenceResolver: Sendable {
    let schema: Schema
    let documents: [Document]
    let index: [DocumentKey: Int]
    let idsByKind: [ContentKind: [String]]
    /// Items left out of this build (drafts, scheduled, expired): referring to one is a
    /// warning, and the link is left out.
    let hidden: [DocumentKey: String]
    /// Items whose files have errors, by their path: referring to one is no error of its own.
    var failed: [DocumentKey: String] = [:]

    func resolve(_ reference: Reference) -> Result<Int, Diagnostic> {
        let key = DocumentKey(kind: reference.kind, id: reference.id)
        if let target = index[key] { return .success(target) }
        if let path = failed[key] {
            return .failure(.warning(reference.location, .referenceToFailedFile(reference.id, path: path)))
        }
        if let path = hidden[key] {
            return .failure(.warning(reference.location, .referenceToHidden(reference.id, path: path)))
        }
        if let other = schema.kinds.first(where: { index[DocumentKey(kind: $0, id: reference.id)] != nil }) {
            return .failure(.error(reference.location,
                .referenceWrongKind(reference.id, is: other.phrase, expected: reference.kind.phrase, field: reference.field?.name,
                                    ids: idsByKind[reference.kind] ?? [])))
        }
        let ids = idsByKind[reference.kind] ?? []
        let suggestion = NearestMatch.best(for: reference.id, among: ids).map { (id: $0, title: String?.none) }
            ?? item(named: reference.id, among: ids, of: reference.kind)
        return .failure(.error(reference.location,
            .unknownReference(reference.id, kind: reference.kind.phrase, field: reference.field?.name, suggestion: suggestion)))
    }

    /// The one item whose title begins with what was written (or is its beginning), or whose id
    /// holds it: editors know the names, not the ids — „Otto-von-Guericke-Universität“ for
    /// `ovgu`, „sprechstunde“ for `digitalisierungssprechstunde`. Nil when none or several do.
    private func item(named written: String, among ids: [String], of kind: ContentKind) -> (id: String, title: String?)? {
        let slug = Slug.make(written)
        guard slug.utf8.count >= 4 else { return nil }
        var found: (id: String, title: String?)?
        for id in ids {
            guard let i = index[DocumentKey(kind: kind, id: id)] else { continue }
            let title = documents[i].common.title
            let titleSlug = Slug.make(title)
            let matches = id.contains(slug) || (!titleSlug.isEmpty && (titleSlug.hasPrefix(slug) || (slug.hasPrefix(titleSlug) && titleSlug.utf8.count >= 4)))
            guard matches else { continue }
            if found != nil { return nil }
            found = (id, title)
        }
        return found
    }

    /// `@folder/id` or `@folder/id#fragment` → the target and the checked fragment.
    func resolve(_ link: MarkdownLink) -> Result<(Int, String?), Diagnostic> {
        var target = link.raw.dropFirst()
        var fragment: String?
        // `#` and `/` are found on the bytes: splitting a String goes character by character,
        // for every `@` link of the site.
        if let hash = target.utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = String(target[target.utf8.index(after: hash)...])
            target = target[..<hash]
        }
        let parts = target.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).map(Substring.init)
        guard parts.count == 2, !parts[1].isEmpty else {
            return .failure(.error(link.location, .atLinkShape(link.raw)))
        }
        guard let kind = schema.kind(folder: String(parts[0])) else {
            return .failure(.error(link.location, .unknownLinkFolder(String(parts[0]), link: link.raw, folders: schema.folders)))
        }
        let resolved = resolve(Reference(kind: kind, id: String(parts[1]), field: nil, location: link.location))
        switch resolved {
        case .failure(let diagnostic):
            return .failure(diagnostic)
        case .success(let i):
            guard let fragment, !fragment.isEmpty else { return .success((i, nil)) }
            let headings = documents[i].body.headingIDs
            guard headings.contains(fragment) else {
                return .failure(.error(link.location, .noHeading(fragment, in: documents[i].path, headings: headings)))
            }
            return .success((i, fragment))
        }
    }
}
