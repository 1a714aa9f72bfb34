import VernetztEngine
import VernetztModel

/// The values of a document's own fields, as its schema declares them: each field under its
/// name, shaped by its type; then what the kind's roles add (an event's calendar, a quote).
extension ViewModelBuilder {
    /// `tel:` URL of a phone number as people write it: „0345 – 96 39 614“ → `tel:03459639614`.
    static func telephoneURL(_ phone: String) -> String {
        "tel:" + phone.filter { $0.isASCII && ($0.isNumber || $0 == "+") }
    }

    func kindValues(_ i: Int) -> TemplateObject {
        let document = site.documents[i]
        var values = TemplateObject()
        values.set(.related, linkGroup(title: "Das könnte Sie auch interessieren", site.related[i].map(teaser)))
        for field in document.kind.fields {
            guard let value = document.fields[field] else { continue }
            // The teaser the page starts from holds these already (`date` is the kind's date).
            if !field.teaser && !(field === document.kind.dateField && field.key == .date) {
                setValue(value, of: field, in: &values, document: i)
            }
            // `has_contact`: a layout shows a group's box only when one of its fields has a value.
            if let key = field.groupKey, value.isPresent { values[key] = true }
        }
        if let event = document.kind.event { addEventValues(i, event, to: &values) }
        return values
    }

    /// One field's value under its name: text as text, dates in every form, a list of texts as
    /// `{title, items}`, an object with its own fields. References are set from the resolved
    /// links instead (`document`), since only those that lead somewhere are shown.
    func setValue(_ value: FieldValue, of field: FieldSchema, in values: inout TemplateObject, document i: Int) {
        switch value {
        case .text(let text) where field.type == .image:
            // The page's own picture is its first large one: loaded first (LCP).
            if let picture = site.picture(in: field, of: i) {
                let place: PictureMarkup.Place = switch field.pictureUse {
                case .photo: .column
                case .logo: .logo
                case .portrait: .portrait
                }
                values[field.key] = .object(PictureMarkup.values(picture, alt: site.pictureAlt(in: field, of: i), place: place,
                                                                 loading: field.pictureUse == .photo ? .first : .normal))
            } else {
                values[field.key] = .text(text)
            }
        case .text(let text):
            values[field.key] = .text(text)
            if field.type == .phone { values[field.hrefKey] = .text(Self.telephoneURL(text)) }
            if let title = field.valueTitles[text] { values[field.titleKey] = .text(title) }
        case .markdown(let body):
            values[field.key] = .text(bodies.renderer.render(body, resolvedLinks: site.resolvedLinks[i]))
        case .date(let date):
            values[field.key] = .object(dateValues(date))
        case .bool(let flag):
            if flag { values[field.key] = true }
        case .number(let number):
            values[field.key] = .number(number)
        case .texts(let texts):
            if field.role == .tags {
                values.set(field.key, linkGroup(title: field.title, texts.map {
                    [.name: .text($0), .url: .text(site.config.basePath + Tag.folder + Slug.make($0) + "/")]
                }))
                if !texts.isEmpty { values[.hasContext] = true }
            } else {
                values.set(field.key, linkGroup(title: field.title, texts.map { [.text: .text($0)] }))
            }
        case .object(let nested):
            var object = TemplateObject()
            for inner in field.fields {
                if let value = nested[inner] { setValue(value, of: inner, in: &object, document: i) }
            }
            values[field.key] = .object(object)
        case .references:
            break
        }
    }

    /// What an event's page adds: its place as one line, registration while it is to come, its calendar file.
    private func addEventValues(_ i: Int, _ event: EventRole, to values: inout TemplateObject) {
        let document = site.documents[i]
        if let location = event.location, let place = EventPlace(document.fields, role: event),
           case .object(var object)? = values[location.key] {
            object.set(.addressLine, place.addressLine)
            values[location.key] = .object(object)
        }
        // Registering makes sense only until the deadline, and while the event is still to come.
        if let registration = document.fields.text(event.registration), (site.endOfRegistration(i) ?? .distantPast) > site.now {
            values[.openRegistration] = .text(registration)
        }
        // A long page repeats the registration at its end, where a reader arrives having read it.
        if values[.openRegistration] != nil, document.body.htmlLength > 1500 { values[.registrationAgain] = true }
        values[.icsURL] = .text(site.url(of: i) + EventCalendar.fileName(of: document))
    }
}
