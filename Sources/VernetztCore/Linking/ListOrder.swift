/// The order in which each kind's items are listed: newest first where items have dates,
/// the editors' `order` for formats, German alphabetical order otherwise.
enum ListOrder {
    static func lists(of documents: [Document]) -> [ContentKind: [Int]] {
        let keys = documents.map { GermanCollation.key($0.displayTitle) }
        var lists: [ContentKind: [Int]] = [:]
        for (i, document) in documents.enumerated() { lists[document.kind, default: []].append(i) }
        for (kind, members) in lists {
            lists[kind] = members.sorted { a, b in
                let da = documents[a], db = documents[b]
                switch kind {
                case .post, .caseStudy, .testimonial:
                    let ta = da.fields.date?.instant, tb = db.fields.date?.instant
                    if ta != tb { return (ta ?? .distantPast) > (tb ?? .distantPast) }
                case .event:
                    let ta = da.fields.date?.instant, tb = db.fields.date?.instant
                    if ta != tb { return (ta ?? .distantFuture) < (tb ?? .distantFuture) }
                case .format:
                    if case .format(let fa) = da.fields, case .format(let fb) = db.fields, fa.order != fb.order {
                        return (fa.order ?? Int.max) < (fb.order ?? Int.max)
                    }
                default:
                    break
                }
                return (keys[a], da.displayTitle, da.id) < (keys[b], db.displayTitle, db.id)
            }
        }
        return lists
    }
}
