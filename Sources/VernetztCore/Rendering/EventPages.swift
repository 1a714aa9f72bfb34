import Foundation
import VernetztEngine
import VernetztModel

/// What the site publishes about the events of an event kind beyond their pages: the events
/// list (coming, then past by year), one `.ics` per event and `kalender.ics` with all of them.
struct EventPages: Sendable {
    let shared: RenderContext
    let kind: ContentKind

    static let calendarFile = "kalender.ics"

    /// `kalender.ics` with all events of the kind.
    func calendar() -> OutputFile {
        OutputFile(path: kind.urlPrefix + Self.calendarFile, text: EventCalendar(site: shared.site).calendar(of: shared.site.lists[kind] ?? []))
    }

    /// One event's own calendar file.
    static func calendar(of i: Int, in site: Site) -> OutputFile {
        OutputFile(path: site.outputPaths[i] + EventCalendar.fileName(of: site.documents[i]),
                   text: EventCalendar(site: site).calendar(of: [i]))
    }

    /// The events list's key (the events it shows) and how it is made.
    func listFile() -> (key: () -> Int, make: () -> OutputFile) {
        let events = shared.site.lists[kind] ?? []
        return ({ shared.keys.page(["events", kind.name], members: events) }, {
            OutputFile(path: kind.urlPrefix + "index.html", bytes: listPage())
        })
    }

    var calendarURL: String { shared.site.config.baseURL + kind.urlPrefix + Self.calendarFile }

    /// The same calendar for subscription: calendar apps open `webcal://` and poll it.
    var webcalURL: String {
        guard let colon = calendarURL.range(of: "://") else { return calendarURL }
        return "webcal" + calendarURL[colon.lowerBound...]
    }

    var feedURL: String { shared.site.config.baseURL + kind.urlPrefix + SitePaths.feed }

    private func listPage() -> [UInt8] {
        var context: TemplateObject = [.kind: .text(kind.layoutName), .calendarURL: .text(calendarURL), .webcalURL: .text(webcalURL),
                                       .feedURL: .text(feedURL),
                                       .items: .objects((shared.site.lists[kind] ?? []).map(shared.models.teaser))]
        let upcoming = shared.site.upcomingEvents(of: kind)
        context.set(.upcoming, shared.models.linkGroup(title: "Nächste \(kind.pluralTitle)", upcoming.map(shared.models.teaser)))
        // Past events by year, most recent first: consecutive events of one year form a group.
        var years: [(year: String, items: [TemplateObject])] = []
        for i in shared.site.pastEvents(of: kind) {
            let year = shared.site.documents[i].date.map { String($0.year) } ?? ""
            if years.last?.year != year { years.append((year, [])) }
            years[years.count - 1].items.append(shared.models.teaser(i))
        }
        if !years.isEmpty {
            context[.past] = .object([.title: .text("Vergangene \(kind.pluralTitle)"),
                                      .years: .objects(years.map { [.year: .text($0.year), .items: .objects($0.items)] })])
        }
        shared.frame.add(to: &context, title: kind.pluralTitle, path: kind.urlPrefix, description: nil,
                         feeds: shared.feeds.links(forPageAt: kind.urlPrefix, document: nil))
        return shared.layouts.render(context, with: shared.layouts.names.contains(kind.listLayout) ? kind.listLayout : "list")
    }
}
