import Foundation
import VernetztEngine
import VernetztModel

/// An Atom feed (RFC 4287), written by hand: every value escaped, entries in the given order,
/// `updated` the newest of the entries' (not the clock), so that output is deterministic.
/// Entries come as finished `<entry>` elements: one item's entry is made once for all feeds.
struct AtomFeed {
    var id: String
    var title: String
    var selfURL: String
    var pageURL: String
    var language: String
    var authorName: String
    var entries: [(updated: Date, xml: [UInt8])]

    func xml() -> [UInt8] {
        let newest = entries.map(\.updated).max() ?? Date(timeIntervalSince1970: 0)
        var out = Array("""
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(e(language))">
            <id>\(e(id))</id>
            <title>\(e(title))</title>
            <updated>\(Self.timestamp(newest))</updated>
            <link rel="self" type="application/atom+xml" href="\(e(selfURL))"/>
            <link rel="alternate" type="text/html" href="\(e(pageURL))"/>
            <author><name>\(e(authorName))</name></author>
            <generator>vernetzt</generator>

            """.utf8)
        out.reserveCapacity(out.count + entries.reduce(16) { $0 + $1.xml.count })
        for entry in entries { out += entry.xml }
        out += "</feed>\n".utf8
        return out
    }

    private func e(_ text: String) -> String { XMLEscaping.escape(text) }

    /// RFC 3339 in UTC: `2022-07-05T12:00:00Z`.
    static func timestamp(_ date: Date) -> String {
        let stamp = CalendarTimeZone.localStamp(date, offset: 0)
        let c = Array(stamp)
        return "\(String(c[0..<4]))-\(String(c[4..<6]))-\(String(c[6..<8]))T\(String(c[9..<11])):\(String(c[11..<13])):\(String(c[13..<15]))Z"
    }
}
