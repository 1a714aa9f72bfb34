import Foundation
import Testing
@testable import VernetztCore
@testable import VernetztEngine
@testable import VernetztModel
@testable import VernetztServe

@Suite struct EventDateFormatterTests {
    let parser = DateParser(timeZone: TimeZone(identifier: "Europe/Berlin")!)

    func when(_ start: String, _ end: String? = nil) throws -> String {
        EventDateFormatter.when(start: try #require(parser.parse(start)), end: try end.map { try #require(parser.parse($0)) })
    }

    @Test func allForms() throws {
        #expect(try when("2022-07-05") == "Dienstag, 5. Juli 2022")
        #expect(try when("2022-07-05", "2022-07-05") == "Dienstag, 5. Juli 2022")
        // Every form names the weekday (timed events too): one style for every event.
        #expect(try when("2022-07-05T14:00") == "Dienstag, 5. Juli 2022, 14:00 Uhr")
        #expect(try when("2022-07-05T14:00", "2022-07-05T17:30") == "Dienstag, 5. Juli 2022, 14:00–17:30 Uhr")
        #expect(try when("2022-07-05", "2022-07-07") == "Dienstag, 5. – Donnerstag, 7. Juli 2022")
        #expect(try when("2022-06-30", "2022-07-02") == "Donnerstag, 30. Juni – Samstag, 2. Juli 2022")
        #expect(try when("2022-12-30", "2023-01-02") == "Freitag, 30. Dezember 2022 – Montag, 2. Januar 2023")
        #expect(try when("2022-07-05T14:00", "2022-07-07T12:00") == "Dienstag, 5. Juli 2022, 14:00 Uhr – Donnerstag, 7. Juli 2022, 12:00 Uhr")
        #expect(try when("2022-07", "2022-08") == "Juli 2022 – August 2022")
    }

    @Test func daylightSavingChangeInsideAnEvent() throws {
        // Summer time ends at 03:00 on 30 October 2022: the night has 25 hours.
        let start = try #require(parser.parse("2022-10-29T20:00"))
        let end = try #require(parser.parse("2022-10-30T10:00"))
        #expect(EventDateFormatter.when(start: start, end: end) == "Samstag, 29. Oktober 2022, 20:00 Uhr – Sonntag, 30. Oktober 2022, 10:00 Uhr")
        #expect(end.instant.timeIntervalSince(start.instant) == 15 * 3600)
        #expect(GermanDateFormatter.iso(start) == "2022-10-29T20:00:00+02:00")
        #expect(GermanDateFormatter.iso(end) == "2022-10-30T10:00:00+01:00")
    }
}

@Suite struct ICSWriterTests {
    @Test func escapesText() {
        #expect(ICSWriter.escape("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf")
    }

    @Test func foldsAt75OctetsWithoutSplittingCharacters() {
        let line = "DESCRIPTION:" + String(repeating: "ä", count: 100)
        let folded = ICSWriter.fold(line)
        #expect(folded.hasSuffix("\r\n"))
        // "\r\n" is one Character in Swift: split the UTF-8 text on it as octets instead.
        let octets = folded.utf8.split(separator: UInt8(ascii: "\n")).map { Array($0.dropLast()) }
        #expect(octets.count > 1)
        let physical = octets.compactMap { String(validating: $0, as: UTF8.self) }
        #expect(physical.count == octets.count)  // no line ends inside a character
        for (n, part) in physical.enumerated() {
            #expect(part.utf8.count <= 75)
            if n > 0 { #expect(part.hasPrefix(" ")) }
        }
        // Unfolding gives the line back.
        #expect(physical.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined() == line)
        // 12 ASCII octets + 31 two-octet characters = 74; the next would make 76.
        #expect(physical[0].utf8.count == 74)
    }

    /// Found by fuzzing: a fold followed by a combining mark. Unfolded octet by octet, as
    /// calendar apps do, the value is whole.
    @Test func foldBeforeACombiningMark() {
        let value = String(repeating: "a", count: 66) + "e\u{301}\u{301}\u{301}\u{301}" + String(repeating: "\\", count: 20)
        var writer = ICSWriter()
        writer.text("SUMMARY", value)
        let unfolded = ICSWriter.unfold(Array(writer.output.utf8))
        #expect(String(decoding: unfolded, as: UTF8.self) == "SUMMARY:" + ICSWriter.escape(value) + "\r\n")
        #expect(writer.output.utf8.split(separator: 10).allSatisfy { $0.count <= 76 })
    }

    @Test func shortLinesStayWhole() {
        #expect(ICSWriter.fold("VERSION:2.0") == "VERSION:2.0\r\n")
        let exactly75 = "X:" + String(repeating: "a", count: 73)
        #expect(ICSWriter.fold(exactly75) == exactly75 + "\r\n")
    }
}

@Suite struct CalendarTests {
    static let config = TemporarySite.minimalConfig
    static let events: [String: String] = [
        "content/veranstaltungen/tag.md": markdown("title: Ganzer Tag\nstart: 2022-07-05\nsummary: Mit Komma, Semikolon; und mehr"),
        "content/veranstaltungen/tage.md": markdown("title: Drei Tage\nstart: 2022-07-05\nend: 2022-07-07\nonline: true"),
        "content/veranstaltungen/nacht.md": markdown("title: Lange Nacht\nstart: 2022-10-29T20:00\nend: 2022-10-30T10:00\nupdated: 2022-09-01T12:00\nlocation:\n  name: Festung Mark\n  address: Hohepfortewall 1\n  city: Magdeburg\nregistration: https://example.org/anmeldung"),
    ]

    func build(now: String) throws -> TemporarySite {
        let site = try TemporarySite(Self.events)
        var options = site.options()
        options.now = try #require(BuildOptions.parseNow(now))
        try SiteBuilder().build(options)
        return site
    }

    @Test func wholeDayEventsUseDatesWithAnExclusiveEnd() throws {
        let ics = try build(now: "2022-01-01T00:00:00+01:00").read("veranstaltungen/tage/tage.ics")
        #expect(ics.contains("DTSTART;VALUE=DATE:20220705\r\nDTEND;VALUE=DATE:20220708\r\n"))
        #expect(ics.contains("LOCATION:online\r\n"))
        #expect(!ics.contains("BEGIN:VTIMEZONE"))
        let day = try build(now: "2022-01-01T00:00:00+01:00").read("veranstaltungen/tag/tag.ics")
        #expect(day.contains("DTEND;VALUE=DATE:20220706\r\n"))
        #expect(day.contains("DESCRIPTION:Mit Komma\\, Semikolon\\; und mehr\r\n"))
    }

    @Test func timedEventsCarryTheirZone() throws {
        let ics = try build(now: "2022-01-01T00:00:00+01:00").read("veranstaltungen/nacht/nacht.ics")
        for line in ["BEGIN:VCALENDAR", "VERSION:2.0", "METHOD:PUBLISH", "UID:nacht@example.org",
                     "DTSTAMP:20220901T100000Z", "DTSTART;TZID=Europe/Berlin:20221029T200000",
                     "DTEND;TZID=Europe/Berlin:20221030T100000", "LOCATION:Festung Mark\\, Hohepfortewall 1\\, Magdeburg",
                     "URL:https://example.org/veranstaltungen/nacht/", "TZID:Europe/Berlin",
                     "BEGIN:STANDARD", "DTSTART:20221030T030000", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100",
                     "BEGIN:DAYLIGHT", "DTSTART:20220327T020000", "END:VCALENDAR"] {
            #expect(ics.contains(line + "\r\n"), "missing \(line)")
        }
        #expect(!ics.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\n"))
    }

    @Test func buildsAreByteIdenticalWhateverTheClock() throws {
        let a = try build(now: "2022-01-01T00:00:00+01:00")
        let b = try build(now: "2022-01-01T00:00:00+01:00")
        #expect(try a.read("veranstaltungen/kalender.ics") == b.read("veranstaltungen/kalender.ics"))
        #expect(try a.read("veranstaltungen/feed.xml") == b.read("veranstaltungen/feed.xml"))
    }

    @Test func upcomingAndPastSplitAtNow() throws {
        let before = try build(now: "2022-07-01T00:00:00+02:00")
        let list = try before.read("veranstaltungen/index.html")
        let upcoming = try #require(list.range(of: "Nächste Veranstaltungen"))
        #expect(list.range(of: "Vergangene Veranstaltungen") == nil)
        // Soonest first.
        let order = ["Drei Tage", "Ganzer Tag", "Lange Nacht"].map { list.range(of: $0, range: upcoming.upperBound..<list.endIndex)!.lowerBound }
        #expect(order == order.sorted())

        let during = try build(now: "2022-07-06T12:00:00+02:00")
        let mid = try during.read("veranstaltungen/index.html")
        let split = try #require(mid.range(of: "Vergangene Veranstaltungen"))
        #expect(mid[..<split.lowerBound].contains("Drei Tage"))  // still running on its second day
        #expect(mid[split.upperBound...].contains("Ganzer Tag"))
        #expect(mid[split.upperBound...].contains("<h3>2022</h3>"))

        let after = try build(now: "2023-01-01T00:00:00+01:00")
        let page = try after.read("veranstaltungen/nacht/index.html")
        #expect(!page.contains("https://example.org/anmeldung"))
        #expect(page.contains("hat stattgefunden"))
        #expect(try after.read("veranstaltungen/index.html").contains("Zurzeit sind keine Veranstaltungen angekündigt."))
        #expect(try before.read("veranstaltungen/nacht/index.html").contains("<a class=\"button\" href=\"https://example.org/anmeldung\">Jetzt anmelden</a>"))
    }

    @Test func eventPageLinksItsCalendarAndShowsItsPlace() throws {
        let site = try build(now: "2022-01-01T00:00:00+01:00")
        let page = HTMLPage(html: try site.read("veranstaltungen/nacht/index.html"))
        #expect(page.links.contains("/veranstaltungen/nacht/nacht.ics"))
        let list = HTMLPage(html: try site.read("veranstaltungen/index.html"))
        #expect(list.links.contains("webcal://example.org/veranstaltungen/kalender.ics"))
        #expect(list.links.contains("https://example.org/veranstaltungen/kalender.ics"))
        #expect(try site.read("veranstaltungen/nacht/index.html").contains("Festung Mark<br>Hohepfortewall 1, Magdeburg"))
        #expect(try site.read("veranstaltungen/tage/index.html").contains("<dt>Wo</dt><dd>online</dd>"))
    }

    @Test func eventJSONLDHasWhatSearchEnginesRequire() throws {
        let site = try build(now: "2022-01-01T00:00:00+01:00")
        func data(_ path: String) throws -> [String: Any] {
            let html = try site.read(path)
            let start = try #require(html.range(of: "<script type=\"application/ld+json\">"))
            let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
            return try #require(try JSONSerialization.jsonObject(with: Data(html[start.upperBound..<end.lowerBound].utf8)) as? [String: Any])
        }
        let night = try data("veranstaltungen/nacht/index.html")
        #expect(night["@type"] as? String == "Event")
        #expect(night["startDate"] as? String == "2022-10-29T20:00:00+02:00")
        #expect(night["endDate"] as? String == "2022-10-30T10:00:00+01:00")
        #expect(night["eventAttendanceMode"] as? String == "https://schema.org/OfflineEventAttendanceMode")
        #expect(night["eventStatus"] as? String == "https://schema.org/EventScheduled")
        let place = try #require(night["location"] as? [String: Any])
        #expect(place["@type"] as? String == "Place")
        let address = try #require(place["address"] as? [String: Any])
        #expect(address["@type"] as? String == "PostalAddress")
        #expect(address["addressLocality"] as? String == "Magdeburg")
        #expect((night["organizer"] as? [String: Any])?["name"] as? String == "Testseite")
        #expect(night["url"] as? String == "https://example.org/veranstaltungen/nacht/")
        let online = try data("veranstaltungen/tage/index.html")
        #expect(online["eventAttendanceMode"] as? String == "https://schema.org/OnlineEventAttendanceMode")
        #expect((online["location"] as? [String: Any])?["@type"] as? String == "VirtualLocation")
    }

    @Test func independentParsersAcceptCalendarsAndFeed() throws {
        let site = try build(now: "2022-01-01T00:00:00+01:00")
        let script = """
            import sys, icalendar, feedparser
            cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            for e in sorted(cal.walk('VEVENT'), key=lambda e: str(e['UID'])):
                start = e.decoded('DTSTART'); end = e.decoded('DTEND')
                print(e['UID'], start.isoformat(), end.isoformat(), e['SUMMARY'], sep='|')
            feed = feedparser.parse(sys.argv[2])
            print('feed', feed.bozo, len(feed.entries), sep='|')
            """
        let run = try CommandLineRun(python: script, arguments: [site.output.appendingPathComponent("veranstaltungen/kalender.ics").path,
                                                                  site.output.appendingPathComponent("veranstaltungen/feed.xml").path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.split(separator: "\n") == [
            "nacht@example.org|2022-10-29T20:00:00+02:00|2022-10-30T10:00:00+01:00|Lange Nacht",
            "tag@example.org|2022-07-05|2022-07-06|Ganzer Tag",
            "tage@example.org|2022-07-05|2022-07-08|Drei Tage",
            "feed|False|3",
        ])
    }
}
