/// Builds the dictionaries the Mustache layouts see. Mustache has no logic, so everything a
/// layout shows is prepared here: dates already in German and ISO 8601, references and
/// backlinks as ready-made link lists, empty groups left out so `{{#group}}` hides them.
struct ViewModelBuilder {
    let site: Site
    /// Each document's body as HTML, by document index.
    let bodies: [String]
    /// Each document's teaser, made once: a busy format page lists hundreds of them.
    private var teasers: [[String: Any]] = []

    init(site: Site, bodies: [String]) {
        self.site = site
        self.bodies = bodies
        let builder = self
        teasers = Parallel.map(Array(site.documents.indices)) { builder.makeTeaser($0) }
    }

    /// What a list entry or link shows of a document.
    func teaser(_ i: Int) -> [String: Any] { teasers[i] }

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
        if document.common.draft { item["draft"] = true }
        switch document.fields {
        case .testimonial:
            item.merge(Self.quoteValues(site, i, quoteHTML: bodies[i]), uniquingKeysWith: { _, new in new })
        case .event(let event):
            item["when"] = eventWhen(event)
            if event.online { item["online"] = true }
            if let place = event.location?.name { item["place"] = place }
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
        "summary", "date", "draft", "quote", "source", "when", "online", "place", "role", "city", "short",
    ].map { ($0, false) })

    /// Everything the layout of a document's own page sees.
    func document(_ i: Int) -> [String: Any] {
        let document = site.documents[i]
        var values = teaser(i)
        values["content"] = bodies[i]
        for (field, targets) in site.references[i] {
            values[field] = linkGroup(title: Self.fieldTitles[field] ?? field, targets.map(teaser))
        }
        if !["authors", "formats", "themes", "partners"].allSatisfy({ site.references[i][$0] == nil }) {
            values["has_context"] = true
        }
        var groups: [[String: Any]] = []
        var byKind: [String: Any] = [:]
        var current: (kind: ContentKind, items: [[String: Any]])?
        for source in site.backlinks[i] + [-1] {
            let kind = source >= 0 ? site.documents[source].kind : nil
            if let open = current, open.kind != kind {
                var group = linkGroup(title: open.kind.backlinkTitle, open.items)!
                group["kind"] = open.kind.layoutName
                groups.append(group)
                byKind[open.kind.layoutName] = group
                current = nil
            }
            guard let kind else { break }
            if current == nil { current = (kind, []) }
            var item = teaser(source)
            // A quote shown on its own format's page needs no link back to that page.
            if kind == .testimonial, item["format_url"] as? String == site.url(of: i) { item["format_title"] = false }
            current!.items.append(item)
        }
        values["backlinks"] = byKind
        if !groups.isEmpty { values["backlink_groups"] = groups }
        values.merge(kindValues(document), uniquingKeysWith: { _, new in new })
        return values
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

    /// „Dienstag, 5. Juli 2022, 14:00 Uhr“, with the end when it is given.
    func eventWhen(_ event: EventFields) -> String {
        guard let start = event.start else { return "" }
        guard let end = event.end else { return GermanDateFormatter.long(start) }
        let sameDay = (start.year, start.month, start.day) == (end.year, end.month, end.day)
        if sameDay && !start.isWholeDay && !end.isWholeDay {
            return "\(GermanDateFormatter.long(start).dropLast(4))–\(GermanDateFormatter.time(end)) Uhr"
        }
        if sameDay { return GermanDateFormatter.long(start) }
        return "\(GermanDateFormatter.long(start)) bis \(GermanDateFormatter.long(end))"
    }
}
