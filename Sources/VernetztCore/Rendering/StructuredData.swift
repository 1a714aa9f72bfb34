/// The schema.org description of a page: `Organization` on the home page, `BlogPosting` on
/// posts, `Event` on events, `Person` on team pages. Nil where a kind has none.
struct StructuredData {
    let site: Site

    var organization: [String: Any] {
        var org: [String: Any] = ["@type": "Organization", "name": site.config.title, "url": site.config.baseURL]
        if let description = site.config.description { org["description"] = description }
        if let contact = site.config.contact {
            if let address = contact.address { org["address"] = address }
            if let phone = contact.phone { org["telephone"] = phone }
            if let email = contact.email { org["email"] = email }
        }
        if let funder = site.config.fundedBy { org["funder"] = ["@type": "Organization", "name": funder] }
        let partners = (site.lists[.partner] ?? []).map { ["@type": "Organization", "name": site.documents[$0].displayTitle,
                                                           "url": site.absoluteURL(of: $0)] }
        if !partners.isEmpty { org["member"] = partners }
        return org
    }

    func forDocument(_ i: Int) -> [String: Any]? {
        let document = site.documents[i]
        var data: [String: Any] = ["url": site.absoluteURL(of: i)]
        if let summary = document.common.summary { data["description"] = summary }
        switch document.fields {
        case .post(let post):
            data["@type"] = "BlogPosting"
            data["headline"] = document.displayTitle
            data["mainEntityOfPage"] = site.absoluteURL(of: i)
            if let date = post.date { data["datePublished"] = GermanDateFormatter.iso(date) }
            let authors = (site.references[i]["authors"] ?? []).map(person)
            if !authors.isEmpty { data["author"] = authors }
            if !post.tags.isEmpty { data["keywords"] = post.tags.joined(separator: ", ") }
            if let image = post.image { data["image"] = site.absoluteURL(of: i) + image }
            data["publisher"] = ["@type": "Organization", "name": site.config.title, "url": site.config.baseURL]
            data["inLanguage"] = site.config.language
        case .event(let event):
            data["@type"] = "Event"
            data["name"] = document.displayTitle
            if let start = event.start { data["startDate"] = GermanDateFormatter.iso(start) }
            if let end = event.end { data["endDate"] = GermanDateFormatter.iso(end) }
            data["eventStatus"] = "https://schema.org/EventScheduled"
            if event.online {
                data["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode"
                data["location"] = ["@type": "VirtualLocation", "url": event.registration ?? site.absoluteURL(of: i)]
            } else {
                data["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
                var place: [String: Any] = ["@type": "Place"]
                if let name = event.location?.name { place["name"] = name }
                if let location = event.location, location.addressLine != nil {
                    var address: [String: Any] = ["@type": "PostalAddress"]
                    if let street = location.address { address["streetAddress"] = street }
                    if let code = location.postalCode { address["postalCode"] = code }
                    if let city = location.city { address["addressLocality"] = city }
                    place["address"] = address
                }
                data["location"] = place
            }
            data["organizer"] = ["@type": "Organization", "name": site.config.title, "url": site.config.baseURL]
        case .person(let person):
            data["@type"] = "Person"
            data["name"] = document.displayTitle
            if let role = person.role { data["jobTitle"] = role }
            if let phone = person.phone { data["telephone"] = phone }
            if let email = person.email { data["email"] = email }
            if let address = person.address { data["address"] = address }
            if let partner = site.references[i]["partner"]?.first {
                data["worksFor"] = ["@type": "Organization", "name": site.documents[partner].displayTitle,
                                    "url": site.absoluteURL(of: partner)]
            }
        default:
            return nil
        }
        return data
    }

    private func person(_ i: Int) -> [String: Any] {
        ["@type": "Person", "name": site.documents[i].displayTitle, "url": site.absoluteURL(of: i)]
    }
}
