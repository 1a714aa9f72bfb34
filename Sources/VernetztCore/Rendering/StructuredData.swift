/// The schema.org description of a page: `Organization` on the home page, `BlogPosting` on
/// posts, `Event` on events, `Person` on team pages. Nil where a kind has none.
struct StructuredData {
    let site: Site

    var organization: JSONValue {
        var org: JSONValue = ["@type": "Organization", "name": .string(site.config.title), "url": .string(site.config.baseURL)]
        if let description = site.config.description { org["description"] = .string(description) }
        if let contact = site.config.contact {
            if let address = contact.address { org["address"] = .string(address) }
            if let phone = contact.phone { org["telephone"] = .string(phone) }
            if let email = contact.email { org["email"] = .string(email) }
        }
        if let funder = site.config.fundedBy { org["funder"] = ["@type": "Organization", "name": .string(funder)] }
        let partners = (site.lists[.partner] ?? []).map { i -> JSONValue in
            ["@type": "Organization", "name": .string(site.documents[i].displayTitle), "url": .string(site.absoluteURL(of: i))]
        }
        if !partners.isEmpty { org["member"] = .array(partners) }
        return org
    }

    func forDocument(_ i: Int) -> JSONValue? {
        let document = site.documents[i]
        var data: JSONValue = ["url": .string(site.absoluteURL(of: i))]
        if let summary = document.common.summary { data["description"] = .string(summary) }
        switch document.fields {
        case .post(let post):
            data["@type"] = "BlogPosting"
            data["headline"] = .string(document.displayTitle)
            data["mainEntityOfPage"] = .string(site.absoluteURL(of: i))
            if let date = post.date { data["datePublished"] = .string(GermanDateFormatter.iso(date)) }
            let authors = (site.references[i]["authors"] ?? []).map(person)
            if !authors.isEmpty { data["author"] = .array(authors) }
            if !post.tags.isEmpty { data["keywords"] = .string(post.tags.joined(separator: ", ")) }
            if let image = post.image { data["image"] = .string(site.absoluteURL(of: i) + image) }
            data["publisher"] = publisher
            data["inLanguage"] = .string(site.config.language)
        case .event(let event):
            data["@type"] = "Event"
            data["name"] = .string(document.displayTitle)
            if let start = event.start { data["startDate"] = .string(GermanDateFormatter.iso(start)) }
            if let end = event.end { data["endDate"] = .string(GermanDateFormatter.iso(end)) }
            data["eventStatus"] = "https://schema.org/EventScheduled"
            if event.online {
                data["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode"
                data["location"] = ["@type": "VirtualLocation", "url": .string(event.registration ?? site.absoluteURL(of: i))]
            } else {
                data["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
                var place: JSONValue = ["@type": "Place"]
                if let name = event.location?.name { place["name"] = .string(name) }
                if let location = event.location, location.addressLine != nil {
                    var address: JSONValue = ["@type": "PostalAddress"]
                    if let street = location.address { address["streetAddress"] = .string(street) }
                    if let code = location.postalCode { address["postalCode"] = .string(code) }
                    if let city = location.city { address["addressLocality"] = .string(city) }
                    place["address"] = address
                }
                data["location"] = place
            }
            data["organizer"] = publisher
        case .person(let person):
            data["@type"] = "Person"
            data["name"] = .string(document.displayTitle)
            if let role = person.role { data["jobTitle"] = .string(role) }
            if let phone = person.phone { data["telephone"] = .string(phone) }
            if let email = person.email { data["email"] = .string(email) }
            if let address = person.address { data["address"] = .string(address) }
            if let partner = site.references[i]["partner"]?.first {
                data["worksFor"] = ["@type": "Organization", "name": .string(site.documents[partner].displayTitle),
                                    "url": .string(site.absoluteURL(of: partner))]
            }
        default:
            return nil
        }
        return data
    }

    /// The site's organisation as publisher or organiser.
    private var publisher: JSONValue {
        ["@type": "Organization", "name": .string(site.config.title), "url": .string(site.config.baseURL)]
    }

    private func person(_ i: Int) -> JSONValue {
        ["@type": "Person", "name": .string(site.documents[i].displayTitle), "url": .string(site.absoluteURL(of: i))]
    }
}
