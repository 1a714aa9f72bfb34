import VernetztModel

/// What items share, for `RelatedContent`: each facet target (a format, theme or partner that an
/// item of a kind with the `related` role refers to) and each tag is a key. Everything is kept
/// flat — one array of all items' keys, one of all keys' holders, and where each run starts —
/// because related items are counted from it a hundred times per item, and an array per item
/// or per key cost a cache miss each on a site of 100,000 posts.
struct SharedKeys: Sendable {
    /// Item `i`'s keys are `keys[start[i]..<start[i + 1]]`: its facets in field order, then its tags.
    let start: [Int]
    let keys: [Int32]
    /// Where the item stands among the holders of the key in the same slot of `keys`.
    let places: [Int32]
    /// Key `k`'s holders are `holders[holderStart[k]..<holderStart[k + 1]]`, in `order`.
    let holderStart: [Int]
    let holders: [Int32]

    /// `takingPart`: per item, whether its kind has the `related` role (only those items' facets
    /// are keys). `order` lists every item once: the order each key's holders are in.
    init(takingPart: [Bool], references: [ReferenceTargets], tags: [Tag], order: [Int]) {
        let count = takingPart.count
        // Facet keys, numbered as their targets are first met, item by item.
        var keyOfTarget = [Int32](repeating: -1, count: count)
        var keyCount: Int32 = 0
        var facetStart = [Int](repeating: 0, count: count + 1)
        var facetKeys: [Int32] = []
        for i in 0..<count {
            if takingPart[i] {
                for (field, targets) in references[i].fields where field.facet {
                    for target in targets {
                        if keyOfTarget[target] < 0 {
                            keyOfTarget[target] = keyCount
                            keyCount += 1
                        }
                        facetKeys.append(keyOfTarget[target])
                    }
                }
            }
            facetStart[i + 1] = facetKeys.count
        }
        // Then one key per tag, after each item's facets.
        var tagCount = [Int](repeating: 0, count: count)
        for tag in tags { for i in tag.members { tagCount[i] += 1 } }
        var start = [Int](repeating: 0, count: count + 1)
        for i in 0..<count { start[i + 1] = start[i] + facetStart[i + 1] - facetStart[i] + tagCount[i] }
        var keys = [Int32](repeating: 0, count: start[count])
        var next = [Int](repeating: 0, count: count)
        for i in 0..<count {
            let facets = facetStart[i]..<facetStart[i + 1]
            keys[start[i]..<start[i] + facets.count] = facetKeys[facets]
            next[i] = start[i] + facets.count
        }
        for (t, tag) in tags.enumerated() {
            for i in tag.members {
                keys[next[i]] = keyCount + Int32(t)
                next[i] += 1
            }
        }
        let allKeys = Int(keyCount) + tags.count
        // Holders: counted per key, then filled taking the items in `order`.
        var holderStart = [Int](repeating: 0, count: allKeys + 1)
        for key in keys { holderStart[Int(key) + 1] += 1 }
        for k in 0..<allKeys { holderStart[k + 1] += holderStart[k] }
        var filled = holderStart
        var holders = [Int32](repeating: 0, count: keys.count)
        var places = [Int32](repeating: 0, count: keys.count)
        for i in order {
            for slot in start[i]..<start[i + 1] {
                let key = Int(keys[slot])
                places[slot] = Int32(filled[key] - holderStart[key])
                holders[filled[key]] = Int32(i)
                filled[key] += 1
            }
        }
        (self.start, self.keys, self.places, self.holderStart, self.holders) = (start, keys, places, holderStart, holders)
    }
}
