import Foundation

/// What the site publishes about its events beyond their pages: the events list (coming, then
/// past by year), one `.ics` per event and `kalender.ics` with all of them.
struct EventPages {
    let site: Site
    let models: ViewModelBuilder
    let frame: PageFrame
    let layouts: LayoutLibrary
    let feeds: SiteFeeds
    let cache: RenderCache?
    let keys: Fingerprints

    static let calendarFile = "kalender.ics"

    func files() -> [OutputFile] {
        let events = site.lists[.event] ?? []
        guard !events.isEmpty else { return [] }
        let folder = ContentKind.event.urlPrefix
        let calendar = EventCalendar(site: site)
        var files = [OutputFile(path: folder + Self.calendarFile, text: calendar.calendar(of: events)),
                     cache.file(folder + "index.html", key: keys.page("events", members: events)) {
                         OutputFile(path: folder + "index.html", bytes: listPage())
                     }]
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

    var feedURL: String { site.config.baseURL + ContentKind.event.urlPrefix + SitePaths.feed }

    private func listPage() -> [UInt8] {
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
        frame.add(to: &context, title: ContentKind.event.pluralTitle, path: ContentKind.event.urlPrefix, description: nil,
                  feeds: feeds.links(forPageAt: ContentKind.event.urlPrefix, document: nil))
        return layouts.render(context, with: layouts.names.contains("events") ? "events" : "list")
    }
}
