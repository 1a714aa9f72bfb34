/// For posts and case studies: up to three other posts or case studies that share the most
/// formats, themes, partners and tags; ties go to the newer, then to the list order.
enum RelatedContent {
    static let limit = 3
    static let kinds: Set<ContentKind> = [.post, .caseStudy]

    static func compute(_ documents: [Document], references: [[String: [Int]]], tags: [Tag],
                        rank: [Int]) -> [[Int]] {
        // Each shared thing is a key; an inverted index from key to the items that have it.
        var keysOf = [[Int]](repeating: [], count: documents.count)
        var holders: [[Int]] = []
        var keyOfTarget: [Int: Int] = [:]
        for i in documents.indices where kinds.contains(documents[i].kind) {
            for field in ["formats", "themes", "partners"] {
                for target in references[i][field] ?? [] {
                    let key = keyOfTarget[target] ?? { keyOfTarget[target] = holders.count; holders.append([]); return holders.count - 1 }()
                    holders[key].append(i)
                    keysOf[i].append(key)
                }
            }
        }
        for tag in tags {
            let key = holders.count
            holders.append(tag.members)
            for i in tag.members { keysOf[i].append(key) }
        }
        let candidates = documents.indices.filter { kinds.contains(documents[$0].kind) }
        let rows = Parallel.map(candidates) { i in best(for: i, keysOf: keysOf, holders: holders, documents: documents, rank: rank) }
        var related = [[Int]](repeating: [], count: documents.count)
        for (i, row) in zip(candidates, rows) { related[i] = row }
        return related
    }

    private static func best(for i: Int, keysOf: [[Int]], holders: [[Int]], documents: [Document], rank: [Int]) -> [Int] {
        var shared: [Int: Int] = [:]
        for key in keysOf[i] {
            for other in holders[key] where other != i { shared[other, default: 0] += 1 }
        }
        return shared.sorted { a, b in
            if a.value != b.value { return a.value > b.value }
            let da = documents[a.key].fields.date?.instant, db = documents[b.key].fields.date?.instant
            if da != db { return (da ?? .distantPast) > (db ?? .distantPast) }
            return (documents[a.key].kind, rank[a.key], a.key) < (documents[b.key].kind, rank[b.key], b.key)
        }.prefix(limit).map(\.key)
    }
}
