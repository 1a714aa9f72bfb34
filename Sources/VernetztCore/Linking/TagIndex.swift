import VernetztEngine
import VernetztModel

/// Gathers the tags (the fields with `role: tags`) of all items into one index. Tags that differ only in case or umlaut
/// spelling („Leuchttürme“, „leuchttuerme“) share a slug and are one tag, named as most
/// items write it; tags sort in German order.
enum TagIndex {
    static func build(_ documents: [Document], lists: [ContentKind: [Int]], schema: Schema) -> [Tag] {
        var members: [String: [Int]] = [:]
        var spellings: [String: [String: Int]] = [:]
        for kind in schema.kinds where kind.tagsField != nil {
          for i in lists[kind] ?? [] {
            var seen = Set<String>()
            for name in documents[i].fields.texts(kind.tagsField) {
                let slug = Slug.make(name)
                guard !slug.isEmpty, seen.insert(slug).inserted else { continue }
                members[slug, default: []].append(i)
                spellings[slug, default: [:]][name, default: 0] += 1
            }
          }
        }
        let tags = members.map { slug, items -> Tag in
            let name = spellings[slug]!.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }!.key
            return Tag(name: name, slug: slug, members: items)
        }
        return tags.sorted { GermanCollation.precedes($0.name, $1.name) || ($0.name == $1.name && $0.slug < $1.slug) }
    }
}
