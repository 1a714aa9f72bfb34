import Foundation

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
        let dates = documents.map { $0.fields.date?.instant ?? .distantPast }
        // Chunks of items share one counter array, so that nothing is allocated per item.
        let chunks = stride(from: 0, to: candidates.count, by: 64).map { candidates[$0..<min($0 + 64, candidates.count)] }
        let rows = Parallel.map(chunks) { chunk -> [[Int]] in
            var shared = [Int32](repeating: 0, count: documents.count)
            return chunk.map { i in
                best(for: i, keysOf: keysOf, holders: holders, shared: &shared, dates: dates, kinds: documents.map(\.kind), rank: rank)
            }
        }
        var related = [[Int]](repeating: [], count: documents.count)
        for (i, row) in zip(candidates, rows.joined()) { related[i] = row }
        return related
    }

    /// The top three by shared count, then date, then list order: one pass, no sorting.
    private static func best(for i: Int, keysOf: [[Int]], holders: [[Int]], shared: inout [Int32],
                             dates: [Date], kinds: [ContentKind], rank: [Int]) -> [Int] {
        var touched: [Int] = []
        for key in keysOf[i] {
            for other in holders[key] where other != i {
                if shared[other] == 0 { touched.append(other) }
                shared[other] += 1
            }
        }
        func before(_ a: Int, _ b: Int) -> Bool {
            if shared[a] != shared[b] { return shared[a] > shared[b] }
            if dates[a] != dates[b] { return dates[a] > dates[b] }
            return (kinds[a], rank[a], a) < (kinds[b], rank[b], b)
        }
        var top: [Int] = []
        for candidate in touched {
            if top.count < limit {
                top.append(candidate)
                top.sort(by: before)
            } else if before(candidate, top[limit - 1]) {
                top[limit - 1] = candidate
                top.sort(by: before)
            }
        }
        for other in touched { shared[other] = 0 }
        return top
    }
}
