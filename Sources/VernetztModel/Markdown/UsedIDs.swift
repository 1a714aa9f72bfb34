/// The heading ids a body has given out. A body has a handful of headings, and comparing a few
/// strings is cheaper than hashing each one; past a handful (a generated file with thousands of
/// headings) a set keeps the work linear.
struct UsedIDs {
    private static let few = 16
    private var list: [String] = []
    private var set: Set<String> = []

    func contains(_ id: String) -> Bool {
        set.isEmpty ? list.contains(id) : set.contains(id)
    }

    mutating func insert(_ id: String) {
        if set.isEmpty, list.count < Self.few {
            list.append(id)
            return
        }
        if set.isEmpty {
            set = Set(list)
            list = []
        }
        set.insert(id)
    }
}
