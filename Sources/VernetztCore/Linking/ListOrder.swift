import Foundation

/// The order in which each kind's items are listed: newest first where items have dates,
/// the editors' `order` for formats, German alphabetical order otherwise (people by family name).
enum ListOrder {
    static func lists(of documents: [Document]) -> [ContentKind: [Int]] {
        // What the comparisons need, read once per item rather than per comparison.
        let titles = documents.map(\.displayTitle)
        // People by family name (titles skipped), everything else by its title.
        let keys = documents.indices.map { i in
            GermanCollation.key(documents[i].kind == .person ? PersonName.sortName(titles[i]) : titles[i])
        }
        let ids = documents.map(\.id)
        let instants = documents.map { $0.fields.date?.instant }
        let orders = documents.map { document -> Int? in
            if case .format(let format) = document.fields { format.order } else { nil }
        }
        var lists: [ContentKind: [Int]] = [:]
        for (i, document) in documents.enumerated() { lists[document.kind, default: []].append(i) }
        for (kind, members) in lists {
            lists[kind] = members.sorted { a, b in
                switch kind {
                case .post, .caseStudy, .testimonial:
                    if instants[a] != instants[b] { return (instants[a] ?? .distantPast) > (instants[b] ?? .distantPast) }
                case .event:
                    if instants[a] != instants[b] { return (instants[a] ?? .distantFuture) < (instants[b] ?? .distantFuture) }
                case .format:
                    if orders[a] != orders[b] { return (orders[a] ?? Int.max) < (orders[b] ?? Int.max) }
                default:
                    break
                }
                return (keys[a], titles[a], ids[a]) < (keys[b], titles[b], ids[b])
            }
        }
        return lists
    }
}
