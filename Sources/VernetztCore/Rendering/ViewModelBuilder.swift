import VernetztEngine
import VernetztModel

/// Builds the view models the Mustache layouts see. Mustache has no logic, so everything a
/// layout shows is prepared here: dates already in German and ISO 8601, references and
/// backlinks as ready-made link lists, empty groups left out so `{{#group}}` hides them.
final class ViewModelBuilder: Sendable {
    let site: Site
    /// Each document's body as HTML, rendered on demand.
    let bodies: BodyStore
    /// Each document's teaser, made when first shown and only once: a busy format page lists
    /// hundreds of them, and a rebuild in `serve` shows only a few.
    private let teasers: LazySlots<TemplateObject>
    /// A referenced item with its contact details (see `reference`), made once per item.
    private let withContact: LazySlots<TemplateObject>
    /// Per kind, its fields in the group `contact` that are not references: what a page shows
    /// of a referenced person beside the teaser. Only kinds that have such fields are here.
    private let contactFields: [ContentKind: [FieldSchema]]
    /// Every key a teaser can show, each `false`: see `makeTeaser`.
    private let emptyTeaser: TemplateObject

    init(site: Site, bodies: BodyStore) {
        self.site = site
        self.bodies = bodies
        teasers = LazySlots(count: site.documents.count)
        withContact = LazySlots(count: site.documents.count)
        var contact: [ContentKind: [FieldSchema]] = [:]
        for kind in site.schema.kinds {
            let fields = kind.fields.filter { $0.group == "contact" && $0.type != .reference }
            if !fields.isEmpty { contact[kind] = fields }
        }
        contactFields = contact
        var empty = TemplateObject()
        for key: TemplateKey in [.summary, .date, .status, .quote, .source, .when, .online, .place, .isPast, .thumbnail, .anchor] { empty[key] = false }
        for kind in site.schema.kinds {
            for field in kind.fields where field.teaser { empty[field.key] = false }
        }
        emptyTeaser = empty
    }

    /// What a list entry or link shows of a document.
    func teaser(_ i: Int) -> TemplateObject { teasers.value(i) { makeTeaser(i) } }

    private func makeTeaser(_ i: Int) -> TemplateObject {
        let document = site.documents[i]
        // Every key a teaser can show is present, `false` when empty: Mustache would otherwise
        // look a missing key up in the enclosing page and show the page's summary on an item.
        var item = emptyTeaser
        item[.id] = .text(document.id)
        item[.title] = .text(document.displayTitle)
        item[.url] = .text(site.url(of: i))
        item[.kind] = .text(document.kind.layoutName)
        // Without a page of its own, an item is found by this id on its list page.
        if !document.kind.hasPages { item[.anchor] = .text(Linker.anchor(of: document)) }
        item.set(.summary, document.common.summary)
        // Beside the linked title a picture adds nothing to read: it is decorative (alt="").
        if let field = document.kind.imageField, let picture = site.picture(in: field, of: i) {
            let (place, className): (PictureMarkup.Place, String) = switch field.pictureUse {
            case .photo: (.thumbnail, "thumbnail")
            case .logo: (.logo, "thumbnail logo")
            case .portrait: (.portrait, "thumbnail portrait")
            }
            item[.thumbnail] = .text(PictureMarkup.html(picture, alt: "", place: place, className: className))
        }
        if let date = document.date { item[.date] = .object(dateValues(date)) }
        switch Visibility(now: site.now).state(of: document) {
        case .draft: item[.status] = "Entwurf"
        case .scheduled: item[.status] = "Geplant"
        case .expired: item[.status] = "Abgelaufen"
        case .published: break
        }
        if document.kind.quote != nil { item.merge(Self.quoteValues(site, i, quoteHTML: bodies.html(i))) }
        if let event = document.kind.event, let start = document.fields.date(event.start) {
            item[.when] = .text(EventDateFormatter.when(start: start, end: document.fields.date(event.end)))
            if document.fields.bool(event.online) { item[.online] = true }
            let place = EventPlace(document.fields, role: event)
            item.set(.place, place?.name ?? place?.city)
            if (site.endOfEvent(i) ?? .distantPast) <= site.now { item[.isPast] = true }
        }
        for field in document.kind.fields where field.teaser {
            if let value = document.fields[field] { setValue(value, of: field, in: &item, document: i) }
        }
        return item
    }

    /// What a quote shows: its text as HTML, who said it, and where it belongs.
    static func quoteValues(_ site: Site, _ i: Int, quoteHTML: String) -> TemplateObject {
        let document = site.documents[i]
        guard let quote = document.kind.quote else { return [:] }
        var values: TemplateObject = [.quote: .text(quoteHTML), .source: .text(document.fields.text(quote.source) ?? ""),
                                      .url: .text(site.url(of: i)), .formatTitle: false, .formatURL: false]
        if let context = site.references[i][quote.context].first {
            values[.formatTitle] = .text(site.documents[context].displayTitle)
            values[.formatURL] = .text(site.url(of: context))
        }
        return values
    }

    /// A referenced item as a page shows it: its teaser, and how to reach it when it has
    /// contact details (a format's or event's contact person: phone and e-mail as links).
    func reference(_ target: Int) -> TemplateObject {
        let document = site.documents[target]
        guard let fields = contactFields[document.kind] else { return teaser(target) }
        return withContact.value(target) {
            var item = teaser(target)
            for field in fields {
                if let value = document.fields[field] { setValue(value, of: field, in: &item, document: target) }
            }
            return item
        }
    }

    /// Everything the layout of a document's own page sees.
    func document(_ i: Int) -> TemplateObject {
        var values = teaser(i)
        values[.content] = .utf8(bodies.htmlBytes(i))
        if site.documents[i].body.hasMediaEmbeds { values[.hasEmbeds] = true }
        // Three or more sections make a page long enough to want a table of contents.
        let sections = site.documents[i].body.sections
        if sections.count >= 3 {
            values[.toc] = .object([.items: .objects(sections.map { [.title: .text($0.title), .url: .text("#" + $0.id)] })])
        }
        for (field, targets) in site.references[i].fields {
            values.set(field.key, linkGroup(title: field.title, targets.map(reference)))
            // Lists of references (and tags, below) give the page its context box.
            if field.many { values[.hasContext] = true }
        }
        // Search filters (Pagefind): the kind, and what it is about (the facets it names).
        var filters: [TemplateObject] = [[.name: "Art", .value: .text(site.documents[i].kind.singularTitle)]]
        for (field, targets) in site.references[i].fields where field.facet {
            for target in targets {
                filters.append([.name: .text(site.documents[target].kind.singularTitle), .value: .text(site.documents[target].displayTitle)])
            }
        }
        values[.searchFilters] = .objects(filters)
        let (groups, byKind) = backlinkGroups(i)
        values[.backlinks] = .object(byKind)
        if !groups.isEmpty { values[.backlinkGroups] = .objects(groups) }
        values.merge(kindValues(i))
        return values
    }

    /// The items that refer to document `i`, one group per kind in backlink order; events
    /// in two groups, the coming ones soonest first, then the past ones most recent first.
    /// Returns the groups in order and by key (`post`, `upcoming_events`, `past_events`, …).
    func backlinkGroups(_ i: Int) -> ([TemplateObject], TemplateObject) {
        var groups: [TemplateObject] = []
        var byKey = TemplateObject()
        let overflow = Dictionary(uniqueKeysWithValues: BacklinkOverflow.sections(of: i, in: site).map { ($0.kind, $0.folder) })
        func add(_ key: TemplateKey, _ title: String, _ members: [Int]) {
            guard let first = members.first else { return }
            let kind = site.documents[first].kind
            // A busy section shows its first page and links to the full, paginated list.
            let shown = overflow[kind] == nil ? members : Array(members.prefix(site.config.pageSize))
            let items = shown.map { source -> TemplateObject in
                var item = teaser(source)
                // A quote shown on its own format's page needs no link back to that page.
                if item[.formatURL]?.text == site.url(of: i) { item[.formatTitle] = false }
                return item
            }
            guard var group = linkGroup(title: title, items) else { return }
            group[.kind] = .text(kind.layoutName)
            group[.count] = .number(members.count)
            group[.allURL] = overflow[kind].map { .text(site.config.basePath + $0) } ?? false
            groups.append(group)
            byKey[key] = .object(group)
        }
        let sources = site.backlinks[i]
        for kind in site.schema.backlinkOrder {
            let members = sources.filter { site.kindIndices[$0] == kind.index }
            guard kind.event != nil else {
                add(kind.layoutKey, kind.backlinkTitle, members)
                continue
            }
            let isOver = { (event: Int) in (self.site.endOfEvent(event) ?? .distantPast) <= self.site.now }
            add(kind.upcomingKey, "Nächste \(kind.pluralTitle)", members.filter { !isOver($0) })
            add(kind.pastKey, "Vergangene \(kind.pluralTitle)", members.filter(isOver).reversed())
        }
        return (groups, byKey)
    }

    /// `{title, items}` or nil when empty, so that a section with its heading disappears.
    func linkGroup(title: String, _ items: [TemplateObject]) -> TemplateObject? {
        items.isEmpty ? nil : [.title: .text(title), .items: .objects(items)]
    }

    /// How many columns the home page's grid of `count` cards takes on a wide screen (at most four), so
    /// that its last row is full or nearly: four formats make one row of four (two by two on
    /// a tablet), not three and one left alone.
    static func columns(for count: Int) -> Int {
        if count <= 4 { return max(count, 1) }
        return lastRow(count, 4) >= lastRow(count, 3) ? 4 : 3
    }

    /// How many cards the last row of `count` cards in `columns` columns holds.
    static func lastRow(_ count: Int, _ columns: Int) -> Int {
        count % columns == 0 ? columns : count % columns
    }

    func dateValues(_ date: ContentDate) -> TemplateObject {
        [
            .iso: .text(GermanDateFormatter.iso(date)),
            .text: .text(GermanDateFormatter.date(date)),
            .long: .text(GermanDateFormatter.long(date)),
            .numeric: .text(GermanDateFormatter.numeric(date)),
            .year: .text(String(date.year)),
        ]
    }
}
