import VernetztEngine
import VernetztModel

/// The home page: the home text (`content/index.md`) when there is one, and what is new in
/// each kind the schema shows there (`home`) — for events the coming ones.
struct HomePage: Sendable {
    let shared: RenderContext

    /// What the home page shows of an event kind: the coming events, or the most recent past
    /// one when none is announced.
    private struct HomeEvents: Sendable {
        var kind: ContentKind
        var shown: [Int]
        var upcoming: Bool
    }

    /// The page's key (everything it shows) and how it is made.
    func file() -> (key: () -> Int, make: () -> OutputFile) {
        let site = shared.site
        let events = site.schema.eventKinds.filter { $0.homeCount != nil }.map { kind -> HomeEvents in
            let upcoming = site.upcomingEvents(of: kind)
            let shown = upcoming.isEmpty ? Array(site.pastEvents(of: kind).prefix(1)) : Array(upcoming.prefix(kind.homeCount!))
            return HomeEvents(kind: kind, shown: shown, upcoming: !upcoming.isEmpty)
        }
        let shown = site.schema.kinds.filter { $0.event == nil }.flatMap { kind in
            (site.lists[kind] ?? []).prefix(kind.homeCount ?? 0)
        }
        // The Organization data names every member (partner), so any member's change renders the home page.
        var members: [Int] = shown + events.flatMap(\.shown)
        for kind in site.schema.kinds where kind.has(.members) { members += site.lists[kind] ?? [] }
        let intro = site.documents.indices.filter { site.documents[$0].isHome }
        return ({ shared.keys.page(["home"] + events.map { $0.upcoming ? "upcoming" : "past" }, members: members + intro, bodies: intro) }, {
            page(events: events)
        })
    }

    private func page(events: [HomeEvents]) -> OutputFile {
        let (site, models) = (shared.site, shared.models)
        var home = TemplateObject()
        if let intro = site.documents.indices.first(where: { site.documents[$0].isHome }) {
            home = models.document(intro)
        }
        for kind in site.schema.kinds where kind.event == nil {
            guard let count = kind.homeCount else { continue }
            let members = site.lists[kind] ?? []
            let shown = members.prefix(count).map(models.teaser)
            if var group = models.linkGroup(title: kind.pluralTitle, Array(shown)) {
                group[.url] = .text(site.listURL(of: kind))
                group[.more] = .flag(members.count > shown.count)
                group[.columns] = .number(ViewModelBuilder.columns(for: shown.count))
                home[kind.layoutKey] = .object(group)
            }
        }
        for event in events {
            let title = event.upcoming ? "Nächste \(event.kind.pluralTitle)" : "Zuletzt bei uns"
            if var group = models.linkGroup(title: title, event.shown.map(models.teaser)) {
                group[.url] = .text(site.listURL(of: event.kind))
                home[event.kind.layoutKey] = .object(group)
            }
        }
        let title = site.documents.first(where: \.isHome)?.displayTitle ?? site.config.title
        // The header names the site already: a heading that only repeats it is for screen
        // readers, and the first screen shows what the site offers instead.
        if title == site.config.title { home[.headingRepeatsSiteTitle] = true }
        shared.frame.add(to: &home, title: title, path: "", description: site.config.description,
                         structuredData: shared.structured.organization, feeds: shared.feeds.links(forPageAt: "", document: nil))
        return OutputFile(path: "index.html", bytes: shared.layouts.render(home, with: "home"))
    }
}
