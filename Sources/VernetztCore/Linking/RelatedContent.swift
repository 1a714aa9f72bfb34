import Foundation
import VernetztEngine
import VernetztModel

/// For the kinds with the `related` role (posts and case studies): up to three other items of
/// those kinds that share the most facets (formats, themes, partners) and tags; ties go to the
/// newer, then to the list order.
///
/// Work per item is bounded, so that the whole is linear in the number of items: of each thing
/// an item has, only the `window` items on either side of it in date order are looked at. Where
/// no format, theme, partner or tag has more than twice that many items (any site written by
/// hand), that is every item and the result is exact; on a site with thousands of items per
/// format it is the best among those nearest in time, which is what "related" means there.
enum RelatedContent {
    static let limit = 3
    static let window = 64

    /// A hash of everything `compute` reads: which items take part, their kinds, dates and
    /// list ranks, what they have (facets and tags). Equal keys give equal results, so a build
    /// whose changes leave it alone (text, mostly) keeps the last build's result.
    static func inputKey(_ documents: [Document], references: [ReferenceTargets], tags: [Tag], rank: [Int]) -> Int {
        var hasher = StableHasher()
        hasher.combine(window)
        hasher.combine(documents.count)
        for (i, document) in documents.enumerated() {
            hasher.combine(-3)
            hasher.combine(document.kind.index)
            hasher.combine(document.kind.has(.related))
            hasher.combine(document.date?.instant ?? .distantPast)
            hasher.combine(rank[i])
            guard document.kind.has(.related) else { continue }
            for (field, targets) in references[i].fields where field.facet {
                hasher.combine(-1)
                for target in targets { hasher.combine(target) }
            }
        }
        for tag in tags {
            hasher.combine(-2)
            for member in tag.members { hasher.combine(member) }
        }
        return hasher.finalize()
    }

    /// `kinds` is each document's kind index (`Site.kindIndices`).
    static func compute(_ documents: [Document], kinds: [Int32], references: [ReferenceTargets], tags: [Tag],
                        rank: [Int]) -> [[Int]] {
        let takesPart = documents.map { $0.kind.has(.related) }
        let candidates = documents.indices.filter { takesPart[$0] }
        let dates = documents.map { ($0.date?.instant ?? .distantPast).timeIntervalSinceReferenceDate }
        // The last tie-break (kind, list rank, index) as one number per item: comparing kinds
        // (objects) in the innermost loop cost a retain and a release each time.
        var tieOrder = [Int32](repeating: 0, count: documents.count)
        let byTie = documents.indices.sorted { a, b in (kinds[a], rank[a], a) < (kinds[b], rank[b], b) }
        for (place, i) in byTie.enumerated() { tieOrder[i] = Int32(place) }
        // Every key's holders newest first (then by index), and where each item stands among
        // the holders of each of its keys: items are taken in that order once and added to
        // their keys' lists, rather than each list sorted on its own.
        let byDate = documents.indices.sorted { dates[$0] != dates[$1] ? dates[$0] > dates[$1] : $0 < $1 }
        let keys = SharedKeys(takingPart: takesPart, references: references, tags: tags, order: byDate)
        // Chunks of items share one counter array, so that nothing is allocated per item; a few
        // dozen chunks keep both cores busy without a counter array per handful of items.
        let size = max(64, candidates.count / 32)
        let tieOrderOfItem = tieOrder
        let rows = Parallel.map(Parallel.slices(candidates, size: size)) { chunk -> [[Int]] in
            // Counted and listed through buffer pointers: an array checks that it is not shared
            // on every write, and a thousand counts are written per item.
            let shared = UnsafeMutableBufferPointer<Int32>.allocate(capacity: documents.count)
            let touched = UnsafeMutableBufferPointer<Int32>.allocate(capacity: documents.count)
            shared.initialize(repeating: 0)
            defer {
                shared.deallocate()
                touched.deallocate()
            }
            return dates.withUnsafeBufferPointer { dates in
                tieOrderOfItem.withUnsafeBufferPointer { tieOrder in
                    chunk.map { i in
                        best(for: i, keys, shared: shared, touched: touched, dates: dates, tieOrder: tieOrder)
                    }
                }
            }
        }
        var related = [[Int]](repeating: [], count: documents.count)
        for (i, row) in zip(candidates, rows.joined()) { related[i] = row }
        return related
    }

    /// The top three by shared count, then date, then list order: one pass, no sorting.
    /// `shared` is all zeros on entry and is left so; `touched` is scratch space.
    private static func best(for i: Int, _ keys: SharedKeys, shared: UnsafeMutableBufferPointer<Int32>,
                             touched: UnsafeMutableBufferPointer<Int32>, dates: UnsafeBufferPointer<Double>,
                             tieOrder: UnsafeBufferPointer<Int32>) -> [Int] {
        var touchedCount = 0
        for slot in keys.start[i]..<keys.start[i + 1] {
            let key = Int(keys.keys[slot]), place = Int(keys.places[slot])
            let first = keys.holderStart[key], count = keys.holderStart[key + 1] - first
            for n in max(0, place - window)..<min(count, place + window + 1) {
                let other = Int(keys.holders[first + n])
                guard other != i else { continue }
                if shared[other] == 0 {
                    touched[touchedCount] = Int32(other)
                    touchedCount += 1
                }
                shared[other] &+= 1
            }
        }
        func before(_ a: Int, _ b: Int) -> Bool {
            if shared[a] != shared[b] { return shared[a] > shared[b] }
            if dates[a] != dates[b] { return dates[a] > dates[b] }
            return tieOrder[a] < tieOrder[b]
        }
        // The best three (`limit`) so far, best first, kept by inserting each candidate in its place.
        var top = (-1, -1, -1)
        var count = 0
        for candidate in touched[..<touchedCount].lazy.map(Int.init) {
            if count < limit { count += 1 } else if !before(candidate, top.2) { continue }
            if count == 1 || before(candidate, top.0) {
                top = (candidate, top.0, top.1)
            } else if count == 2 || before(candidate, top.1) {
                top = (top.0, candidate, top.1)
            } else {
                top.2 = candidate
            }
        }
        for other in touched[..<touchedCount] { shared[Int(other)] = 0 }
        return Array([top.0, top.1, top.2].prefix(count))
    }
}
