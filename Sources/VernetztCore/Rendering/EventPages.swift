import Foundation

/// What the site publishes about its events beyond their pages: the events list (coming, then
/// past by year), one `.ics` per event, `kalender.ics` with all of them, and an Atom feed.
struct EventPages {
    let site: Site
    let models: ViewModelBuilder
    let frame: PageFrame
    let layouts: LayoutLibrary

    static let calendarFile = "kalender.ics"
    static let feedFile = "feed.xml"

    func files(bodies: [String]) -> [OutputFile] {
        let events = site.lists[.event] ?? []
        guard !events.isEmpty else { return [] }
        let folder = ContentKind.event.urlPrefix
        let calendar = EventCalendar(site: site)
        var files = [OutputFile(path: folder + Self.calendarFile, text: calendar.calendar(of: events)),
                     OutputFile(path: folder + Self.feedFile, text: feed(events, bodies: bodies)),
                     OutputFile(path: folder + "index.html", text: listPage())]
        for i in events {
            files.append(OutputFile(path: site.outputPaths[i] + EventCalendar.fileName(of: site.documents[i]),
                                    text: calendar.calendar(of: [i])))
        }
        return files
    }

    var calendarURL: String { site.config.baseURL + ContentKind.event.urlPrefix + Self.calendarFile }

    /// The same calendar for subscription: calendar apps open `webcal://` and poll it.
    var webcalURL: String {
        guard let colon = calendarURL.range(of: "://") else { return calendarURL }
        return "webcal" + calendarURL[colon.lowerBound...]
    }

    var feedURL: String { site.config.baseURL + ContentKind.event.urlPrefix + Self.feedFile }

    private func listPage() -> String {
        var context: [String: Any] = ["kind": "event", "calendar_url": calendarURL, "webcal_url": webcalURL,
                                      "feed_url": feedURL, "items": (site.lists[.event] ?? []).map(models.teaser)]
        let upcoming = site.upcomingEvents
        if let group = models.linkGroup(title: "Nächste Veranstaltungen", upcoming.map(models.teaser)) {
            context["upcoming"] = group
        }
        var years: [[String: Any]] = []
        for i in site.pastEvents {
            let year = site.documents[i].fields.date.map { String($0.year) } ?? ""
            if years.last?["year"] as? String != year { years.append(["year": year, "items": [[String: Any]]()]) }
            var items = years[years.count - 1]["items"] as! [[String: Any]]
            items.append(models.teaser(i))
            years[years.count - 1]["items"] = items
        }
        if !years.isEmpty { context["past"] = ["title": "Vergangene Veranstaltungen", "years": years] }
        frame.add(to: &context, title: ContentKind.event.pluralTitle, path: ContentKind.event.urlPrefix, description: nil)
        return layouts.render(context, with: layouts.names.contains("events") ? "events" : "list")
    }

    private func feed(_ events: [Int], bodies: [String]) -> String {
        let origin = Self.origin(of: site.config.baseURL)
        let entries = events.reversed().map { i -> AtomEntry in
            let document = site.documents[i]
            var facts: [String] = []
            if case .event(let event) = document.fields {
                if let start = event.start { facts.append(EventDateFormatter.when(start: start, end: event.end)) }
                facts.append(event.online ? "online" : event.location?.fullLine ?? "")
            }
            let summary = (facts.filter { !$0.isEmpty } + [document.common.summary].compactMap { $0 }).joined(separator: " · ")
            let start = document.fields.date?.instant ?? Date(timeIntervalSince1970: 0)
            return AtomEntry(id: site.absoluteURL(of: i), title: document.displayTitle, url: site.absoluteURL(of: i),
                             updated: document.common.updated?.instant ?? start, published: nil, summary: summary,
                             contentHTML: AbsoluteLinks.rewrite(bodies[i], pageURL: site.absoluteURL(of: i), origin: origin))
        }
        return AtomFeed(id: feedURL, title: "Veranstaltungen – \(site.config.title)", selfURL: feedURL,
                        pageURL: site.config.baseURL + ContentKind.event.urlPrefix, language: site.config.language,
                        authorName: site.config.title, entries: entries).xml()
    }

    /// `https://example.org` of `https://example.org/sub/`.
    static func origin(of baseURL: String) -> String {
        guard let url = URL(string: baseURL), let scheme = url.scheme, let host = url.host else { return "" }
        return "\(scheme)://\(host)" + (url.port.map { ":\($0)" } ?? "")
    }
}
