/// The kind-specific values of a document's page.
extension ViewModelBuilder {
    static let categoryTitles = ["informieren": "Informieren", "erleben": "Erleben", "qualifizieren": "Qualifizieren"]

    /// `tel:` URL of a phone number as people write it: „0345 – 96 39 614“ → `tel:03459639614`.
    static func telephoneURL(_ phone: String) -> String {
        "tel:" + phone.filter { $0.isASCII && ($0.isNumber || $0 == "+") }
    }

    func kindValues(_ i: Int) -> [String: Any] {
        let document = site.documents[i]
        var values: [String: Any] = [:]
        func set(_ key: String, _ value: Any?) {
            if let value { values[key] = value }
        }
        set("related", linkGroup(title: "Das könnte Sie auch interessieren", site.related[i].map(teaser)))
        switch document.fields {
        case .post(let post):
            set("tags", linkGroup(title: "Schlagwörter", post.tags.map {
                ["name": $0, "url": site.config.basePath + Tag.folder + Slug.make($0) + "/"]
            }))
            if !post.tags.isEmpty { values["has_context"] = true }
            set("image", post.image)
            set("image_alt", post.imageAlt)
        case .caseStudy(let study):
            set("company", study.company)
            set("industry", study.industry)
            set("region", study.region)
            if study.company != nil || study.industry != nil || study.region != nil { values["has_facts"] = true }
            set("results", linkGroup(title: "Ergebnisse", study.results.map { ["text": $0] }))
        case .format(let format):
            set("category", format.category)
            set("category_title", format.category.flatMap { Self.categoryTitles[$0] })
        case .partner(let partner):
            set("short", partner.short)
            set("city", partner.city)
            set("website", partner.website)
            if partner.lead { values["lead"] = true }
        case .event(let event):
            set("start", event.start.map(dateValues))
            set("end", event.end.map(dateValues))
            if let location = event.location {
                var place: [String: Any] = [:]
                if let name = location.name { place["name"] = name }
                if let line = location.addressLine { place["address"] = line }
                values["location"] = place
            }
            set("registration", event.registration)
            // Registering makes sense only while the event is still to come.
            if (site.endOfEvent(i) ?? .distantPast) > site.now { set("open_registration", event.registration) }
            values["ics_url"] = site.url(of: i) + EventCalendar.fileName(of: document)
        case .person(let person):
            set("phone", person.phone)
            set("phone_href", person.phone.map(Self.telephoneURL))
            set("email", person.email)
            set("address", person.address)
            if person.phone != nil || person.email != nil || person.address != nil || person.partner != nil {
                values["has_contact"] = true
            }
        case .testimonial, .theme, .page:
            break
        }
        return values
    }
}
