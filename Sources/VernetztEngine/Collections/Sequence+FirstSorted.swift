extension Sequence {
    /// The first `count` elements in the order `areInIncreasingOrder` gives — what a stable
    /// sort's prefix holds — in one pass, keeping only those: a feed takes the 20 newest of
    /// every dated item of a site, where sorting them all cost a comparison per item and level.
    package func firstSorted(_ count: Int, by areInIncreasingOrder: (Element, Element) -> Bool) -> [Element] {
        guard count > 0 else { return [] }
        var first: [Element] = []
        first.reserveCapacity(count + 1)
        for element in self {
            if first.count == count && !areInIncreasingOrder(element, first[count - 1]) { continue }
            // After every element that does not come after it: equal ones keep their order.
            var low = 0, high = first.count
            while low < high {
                let middle = (low + high) / 2
                if areInIncreasingOrder(element, first[middle]) { high = middle } else { low = middle + 1 }
            }
            first.insert(element, at: low)
            if first.count > count { first.removeLast() }
        }
        return first
    }
}
