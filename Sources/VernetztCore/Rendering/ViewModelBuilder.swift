/// Builds the dictionaries the Mustache layouts see. Mustache has no logic, so everything a
/// layout shows is prepared here: dates already in German and ISO 8601, references and
/// backlinks as ready-made link lists, empty groups left out so `{{#group}}` hides them.
struct ViewModelBuilder {
    let site: Site
    /// Each document's body as HTML, rendered on demand.
    let bodies: BodyStore
    /// Each document's teaser, made when first shown and only once: a busy format page lists
    /// hundreds of them, and a rebuild in `serve` shows only a few.
    private let teasers: LazySlots<[String: Any]>

    init(site: Site, bodies: BodyStore) {
        self.site = site
        self.bodies = bodies
        teasers = LazySlots(count: site.documents.count)
    }

    /// What a list entry or link shows of a document.
    func teaser(_ i: Int) -> [String: Any] { teasers.value(i) { makeTeaser(i) } }

    private func makeTeaser(_ i: Int) -> [String: Any] {
        let document = site.documents[i]
        // Every key a teaser can show is present, `false` when empty: Mustache would otherwise
        // look a missing key up in the enclosing page and show the page's summary on an item.
        var item: [String: Any] = Self.emptyTeaser
        item["id"] = document.id
        item["title"] = document.displayTitle
        item["url"] = site.url(of: i)
        item["kind"] = document.kind.layoutName
        if let summary = document.common.summary { item["summary"] = summary }
        if let date = document.fields.date { item["date"] = dateValues(date) }
        switch Visibility(now: site.now).state(of: document) {
        case .draft: item["status"] = "Entwurf"
        case .scheduled: item["status"] = "Geplant"
        case .expired: item["status"] = "Abgelaufen"
        case .published: break
        }
        switch document.fields {
        case .testimonial:
            item.merge(Self.quoteValues(site, i, quoteHTML: bodies.html(i)), uniquingKeysWith: { _, new in new })
        case .event(let event):
            if let start = event.start { item["when"] = EventDateFormatter.when(start: start, end: event.end) }
            if event.online { item["online"] = true }
            if let place = event.location?.name ?? event.location?.city { item["place"] = place }
            if (site.endOfEvent(i) ?? .distantPast) <= site.now { item["is_past"] = true }
        case .person(let person):
            if let role = person.role { item["role"] = role }
        case .partner(let partner):
            if let city = partner.city { item["city"] = city }
            if let short = partner.short { item["short"] = short }
        default:
            break
        }
        return item
    }

    /// What a quote shows: its text as HTML, who said it, and where it belongs.
    static func quoteValues(_ site: Site, _ i: Int, quoteHTML: String) -> [String: Any] {
        guard case .testimonial(let quote) = site.documents[i].fields else { return [:] }
        var values: [String: Any] = ["quote": quoteHTML, "source": quote.source, "url": site.url(of: i),
                                     "format_title": false, "format_url": false]
        if let format = site.references[i]["format"]?.first {
            values["format_title"] = site.documents[format].displayTitle
            values["format_url"] = site.url(of: format)
        }
        return values
    }

    nonisolated(unsafe) static let emptyTeaser: [String: Any] = Dictionary(uniqueKeysWithValues: [
        "summary", "date", "status", "quote", "source", "when", "online", "place", "role", "city", "short", "is_past",
    ].map { ($0, false) })

    /// Everything the layout of a document's own page sees.
    func document(_ i: Int) -> [String: Any] {
        var values = teaser(i)
        values["content"] = bodies.html(i)
        for (field, targets) in site.references[i] {
            values[field] = linkGroup(title: Self.fieldTitles[field] ?? field, targets.map(teaser))
        }
        if !["authors", "formats", "themes", "partners"].allSatisfy({ site.references[i][$0] == nil }) {
            values["has_context"] = true
        }
        // Search filters (Pagefind): the kind, and the formats, partners and themes it is about.
        var filters = [["name": "Art", "value": site.documents[i].kind.singularTitle]]
        for (field, name) in [("formats", "Angebot"), ("format", "Angebot"), ("partners", "Partner"), ("partner", "Partner"),
                              ("themes", "Thema")] {
            for target in site.references[i][field] ?? [] { filters.append(["name": name, "value": site.documents[target].displayTitle]) }
        }
        values["search_filters"] = filters
        let (groups, byKind) = backlinkGroups(i)
        values["backlinks"] = byKind
        if !groups.isEmpty { values["backlink_groups"] = groups }
        values.merge(kindValues(i), uniquingKeysWith: { _, new in new })
        return values
    }

    /// The items that refer to document `i`, one group per kind in `backlinkRank` order; events
    /// in two groups, the coming ones soonest first, then the past ones most recent first.
    /// Returns the groups in order and by key (`post`, `upcoming_events`, `past_events`, …).
    func backlinkGroups(_ i: Int) -> ([[String: Any]], [String: Any]) {
        var groups: [[String: Any]] = []
        var byKey: [String: Any] = [:]
        let overflow = Dictionary(uniqueKeysWithValues: BacklinkOverflow.sections(of: i, in: site).map { ($0.kind, $0.folder) })
        func add(_ key: String, _ title: String, _ members: [Int]) {
            guard let first = members.first else { return }
            let kind = site.documents[first].kind
            // A busy section shows its first page and links to the full, paginated list.
            let shown = overflow[kind] == nil ? members : Array(members.prefix(site.config.pageSize))
            let items = shown.map { source -> [String: Any] in
                var item = teaser(source)
                // A quote shown on its own format's page needs no link back to that page.
                if item["format_url"] as? String == site.url(of: i) { item["format_title"] = false }
                return item
            }
            guard var group = linkGroup(title: title, items) else { return }
            group["kind"] = kind.layoutName
            group["count"] = members.count
            group["all_url"] = overflow[kind].map { site.config.basePath + $0 } ?? false
            groups.append(group)
            byKey[key] = group
        }
        let sources = site.backlinks[i]
        for kind in ContentKind.allCases.sorted(by: { $0.backlinkRank < $1.backlinkRank }) {
            let members = sources.filter { site.documents[$0].kind == kind }
            guard kind == .event else {
                add(kind.layoutName, kind.backlinkTitle, members)
                continue
            }
            let isOver = { (event: Int) in (site.endOfEvent(event) ?? .distantPast) <= site.now }
            add("upcoming_events", "Nächste Veranstaltungen", members.filter { !isOver($0) })
            add("past_events", "Vergangene Veranstaltungen", members.filter(isOver).reversed())
        }
        return (groups, byKey)
    }

    /// `{title, items}` or nil when empty, so that a section with its heading disappears.
    func linkGroup(title: String, _ items: [[String: Any]]) -> [String: Any]? {
        items.isEmpty ? nil : ["title": title, "items": items]
    }

    static let fieldTitles = [
        "authors": "Autorinnen und Autoren", "formats": "Angebote", "partners": "Partner",
        "themes": "Themen", "partner": "Partner", "format": "Angebot", "casestudy": "Praxisbeispiel",
    ]

    func dateValues(_ date: ContentDate) -> [String: Any] {
        [
            "iso": GermanDateFormatter.iso(date),
            "text": GermanDateFormatter.date(date),
            "long": GermanDateFormatter.long(date),
            "numeric": GermanDateFormatter.numeric(date),
            "year": String(date.year),
        ]
    }
}
