/// The kind-specific values of a document's page.
extension ViewModelBuilder {
    static let categoryTitles = ["informieren": "Informieren", "erleben": "Erleben", "qualifizieren": "Qualifizieren"]

    /// `tel:` URL of a phone number as people write it: „0345 – 96 39 614“ → `tel:03459639614`.
    static func telephoneURL(_ phone: String) -> String {
        "tel:" + phone.filter { $0.isASCII && ($0.isNumber || $0 == "+") }
    }

    func kindValues(_ i: Int) -> TemplateObject {
        let document = site.documents[i]
        var values = TemplateObject()
        values.set(.related, linkGroup(title: "Das könnte Sie auch interessieren", site.related[i].map(teaser)))
        switch document.fields {
        case .post(let post):
            values.set(.tags, linkGroup(title: "Schlagwörter", post.tags.map {
                [.name: .text($0), .url: .text(site.config.basePath + Tag.folder + Slug.make($0) + "/")]
            }))
            if !post.tags.isEmpty { values[.hasContext] = true }
            values.set(.image, post.image)
            values.set(.imageAlt, post.imageAlt)
        case .caseStudy(let study):
            values.set(.company, study.company)
            values.set(.industry, study.industry)
            values.set(.region, study.region)
            if study.company != nil || study.industry != nil || study.region != nil { values[.hasFacts] = true }
            values.set(.results, linkGroup(title: "Ergebnisse", study.results.map { [.text: .text($0)] }))
        case .format(let format):
            values.set(.category, format.category)
            values.set(.categoryTitle, format.category.flatMap { Self.categoryTitles[$0] })
        case .partner(let partner):
            values.set(.short, partner.short)
            values.set(.city, partner.city)
            values.set(.website, partner.website)
            if partner.lead { values[.lead] = true }
        case .event(let event):
            values.set(.start, event.start.map(dateValues))
            values.set(.end, event.end.map(dateValues))
            if let location = event.location {
                var place = TemplateObject()
                place.set(.name, location.name)
                place.set(.address, location.addressLine)
                values[.location] = .object(place)
            }
            values.set(.registration, event.registration)
            // Registering makes sense only while the event is still to come.
            if (site.endOfEvent(i) ?? .distantPast) > site.now { values.set(.openRegistration, event.registration) }
            values[.icsURL] = .text(site.url(of: i) + EventCalendar.fileName(of: document))
        case .person(let person):
            values.set(.phone, person.phone)
            values.set(.phoneHref, person.phone.map(Self.telephoneURL))
            values.set(.email, person.email)
            values.set(.address, person.address)
            if person.phone != nil || person.email != nil || person.address != nil || person.partner != nil {
                values[.hasContact] = true
            }
        case .testimonial, .theme, .page:
            break
        }
        return values
    }
}
