import VernetztEngine
import VernetztModel

/// The schema.org description of a page: `Organization` on the home page; on an item's page the
/// type its kind names in the schema (`json_ld`: BlogPosting, Event, Person, …), with the fields
/// that name a schema.org property. Nil where a kind has none.
final class StructuredData: Sendable {
    let site: Site

    init(site: Site) {
        self.site = site
    }

    var organization: JSONValue {
        var org: JSONValue = ["@type": "Organization", "name": .string(site.config.title), "url": .string(site.config.baseURL)]
        if let description = site.config.description { org["description"] = .string(description) }
        if let contact = site.config.contact {
            if let address = contact.address { org["address"] = .string(address) }
            if let phone = contact.phone { org["telephone"] = .string(phone) }
            if let email = contact.email { org["email"] = .string(email) }
        }
        if let funder = site.config.fundedBy { org["funder"] = ["@type": "Organization", "name": .string(funder)] }
        let members = site.schema.kinds.filter { $0.has(.members) }.flatMap { site.lists[$0] ?? [] }.map(entity)
        if !members.isEmpty { org["member"] = .array(members) }
        return org
    }

    func forDocument(_ i: Int) -> JSONValue? {
        let document = site.documents[i]
        guard let type = document.kind.jsonLD else { return nil }
        var data: JSONValue = ["url": .string(site.absoluteURL(of: i)), "@type": .string(type)]
        if let summary = document.common.summary { data["description"] = .string(summary) }
        switch type {
        case "BlogPosting", "Article", "CreativeWork":
            data["headline"] = .string(document.displayTitle)
            data["mainEntityOfPage"] = .string(site.absoluteURL(of: i))
            data["publisher"] = publisher
            data["inLanguage"] = .string(site.config.language)
        default:
            data["name"] = .string(document.displayTitle)
        }
        for field in document.kind.fields {
            guard let property = field.jsonLD, let value = value(of: field, in: i) else { continue }
            data[property] = value
        }
        if let event = document.kind.event, type == "Event" { addEvent(event, of: i, to: &data) }
        return data
    }

    /// A field's value as schema.org writes it: dates in ISO 8601, references as the items they
    /// name, an image as its absolute address, a list of words as one text.
    private func value(of field: FieldSchema, in i: Int) -> JSONValue? {
        guard let value = site.documents[i].fields[field] else { return nil }
        switch value {
        case .text(let text):
            guard field.type == .image else { return .string(text) }
            let picture = site.picture(in: field, of: i)
            return (picture?.card ?? picture?.fallback).map { .string(site.absoluteURL(ofPicture: $0.url)) }
        case .date(let date):
            return .string(GermanDateFormatter.iso(date))
        case .number(let number):
            return .string(String(number))
        case .texts(let texts):
            return texts.isEmpty ? nil : .string(texts.joined(separator: ", "))
        case .references:
            let targets = site.references[i][field].map(entity)
            if targets.isEmpty { return nil }
            return field.many ? .array(targets) : targets[0]
        case .bool, .markdown, .object:
            return nil
        }
    }

    /// Start, end, whether online, and the place.
    private func addEvent(_ event: EventRole, of i: Int, to data: inout JSONValue) {
        let fields = site.documents[i].fields
        if let start = fields.date(event.start) { data["startDate"] = .string(GermanDateFormatter.iso(start)) }
        if let end = fields.date(event.end) { data["endDate"] = .string(GermanDateFormatter.iso(end)) }
        data["eventStatus"] = "https://schema.org/EventScheduled"
        if fields.bool(event.online) {
            data["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode"
            data["location"] = ["@type": "VirtualLocation", "url": .string(fields.text(event.registration) ?? site.absoluteURL(of: i))]
        } else {
            data["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
            var place: JSONValue = ["@type": "Place"]
            let location = EventPlace(fields, role: event)
            if let name = location?.name { place["name"] = .string(name) }
            if let location, location.addressLine != nil {
                var address: JSONValue = ["@type": "PostalAddress"]
                if let street = location.address { address["streetAddress"] = .string(street) }
                if let code = location.postalCode { address["postalCode"] = .string(code) }
                if let city = location.city { address["addressLocality"] = .string(city) }
                place["address"] = address
            }
            data["location"] = place
        }
        data["organizer"] = publisher
    }

    /// The site's organisation as publisher or organiser.
    private var publisher: JSONValue {
        ["@type": "Organization", "name": .string(site.config.title), "url": .string(site.config.baseURL)]
    }

    /// An item named in another's data: a person as author, a partner as employer or member.
    private func entity(_ i: Int) -> JSONValue {
        ["@type": .string(site.documents[i].kind.entity), "name": .string(site.documents[i].displayTitle),
         "url": .string(site.absoluteURL(of: i))]
    }
}
