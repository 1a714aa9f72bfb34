import Foundation

/// One entry of an Atom feed.
struct AtomEntry {
    var id: String
    var title: String
    var url: String
    var updated: Date
    var published: Date?
    var summary: String?
    /// HTML with absolute links.
    var contentHTML: String?
    var authors: [(name: String, url: String?)] = []
    var categories: [String] = []
}
