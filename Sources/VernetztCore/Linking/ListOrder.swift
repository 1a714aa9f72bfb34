import Foundation
import VernetztEngine
import VernetztModel

/// The order in which each kind's items are listed, as the schema's `order` says: by date,
/// by a number field (formats' `order`), by family name (people) or German alphabetical order;
/// ties always go to the title, then the id.
enum ListOrder {
    static func lists(of documents: [Document]) -> [ContentKind: [Int]] {
        // What the comparisons need, read once per item rather than per comparison.
        let titles = documents.map(\.displayTitle)
        let keys = documents.indices.map { i in
            GermanCollation.key(documents[i].kind.order == .familyName ? PersonName.sortName(titles[i]) : titles[i])
        }
        let ids = documents.map(\.id)
        let instants = documents.map { $0.date?.instant }
        let numbers = documents.map { document -> Int? in
            if case .number(let field) = document.kind.order { document.fields.number(field) } else { nil }
        }
        var lists: [ContentKind: [Int]] = [:]
        for (i, document) in documents.enumerated() { lists[document.kind, default: []].append(i) }
        for (kind, members) in lists {
            lists[kind] = members.sorted { a, b in
                switch kind.order {
                case .newestFirst:
                    if instants[a] != instants[b] { return (instants[a] ?? .distantPast) > (instants[b] ?? .distantPast) }
                case .oldestFirst:
                    if instants[a] != instants[b] { return (instants[a] ?? .distantFuture) < (instants[b] ?? .distantFuture) }
                case .number:
                    if numbers[a] != numbers[b] { return (numbers[a] ?? Int.max) < (numbers[b] ?? Int.max) }
                case .title, .familyName:
                    break
                }
                return (keys[a], titles[a], ids[a]) < (keys[b], titles[b], ids[b])
            }
        }
        return lists
    }
}
