import VernetztEngine

/// The nine kinds every site has unless its layouts' `schema.yml` changes them: the content
/// contract of README.md (a test holds the two together). `vernetzt schema` prints it.
public enum BuiltInSchema {
    public static let path = "<eingebautes Schema>"

    public static let text = """
    # Die Inhaltsarten von vernetzt und ihre Felder. Eine Website ergänzt oder ändert sie mit
    # layouts/schema.yml (gleicher Aufbau: nur, was anders ist oder hinzukommt).

    # content/index.md, der eigene Text der Startseite, wird als diese Art gelesen.
    home: page
    # Reihenfolge der Rückverweis-Abschnitte auf einer Seite; nicht genannte Arten folgen.
    backlink_order: [testimonial, casestudy, event, post, format, theme, partner, person, page]

    kinds:
      post:
        folder: blog
        singular: Beitrag
        plural: Blog
        backlink_title: Beiträge
        date: date
        order: newest-first
        home: 3
        roles: [feed, list_feed, related]
        json_ld: BlogPosting
        fields:
          date: {type: date-or-datetime, required: true, title: Datum, json_ld: datePublished}
          authors: {type: reference, to: person, many: true, title: Autorinnen und Autoren, role: authors, json_ld: author}
          formats: {type: reference, to: format, many: true, title: Angebote, facet: true}
          partners: {type: reference, to: partner, many: true, title: Partner, facet: true}
          themes: {type: reference, to: theme, many: true, title: Themen, facet: true}
          tags: {type: list, title: Schlagwörter, role: tags, json_ld: keywords}
          image: {type: image, title: Bild, alt: image_alt, json_ld: image}
          image_alt: {type: text, title: Bildbeschreibung}

      casestudy:
        folder: praxisbeispiele
        singular: Praxisbeispiel
        plural: Praxisbeispiele
        noun: case study
        date: date
        order: newest-first
        home: 3
        roles: [feed, related]
        fields:
          date: {type: date-or-datetime, required: true, title: Datum}
          formats: {type: reference, to: format, many: true, min: 1, title: Angebote, facet: true}
          partners: {type: reference, to: partner, many: true, title: Partner, facet: true}
          themes: {type: reference, to: theme, many: true, title: Themen, facet: true}
          company: {type: text, title: Unternehmen, group: facts}
          industry: {type: text, title: Branche, group: facts}
          region: {type: text, title: Region, group: facts}
          results: {type: list, title: Ergebnisse}
          image: {type: image, title: Bild, alt: image_alt}
          image_alt: {type: text, title: Bildbeschreibung}

      format:
        folder: angebote
        singular: Angebot
        plural: Angebote
        order: order
        home: all
        roles: [topic_feed, orphan_warning]
        fields:
          category:
            type: enum
            title: Kategorie
            values: {informieren: Informieren, erleben: Erleben, qualifizieren: Qualifizieren}
          themes: {type: reference, to: theme, many: true, title: Themen, facet: true}
          contact: {type: reference, to: person, title: Ansprechperson}
          order: {type: number, title: Reihenfolge}
          image: {type: image, title: Bild, alt: image_alt}
          image_alt: {type: text, title: Bildbeschreibung}

      partner:
        folder: partner
        singular: Partner
        plural: Partner
        order: title
        home: all
        roles: [orphan_warning, members]
        entity: Organization
        fields:
          short: {type: text, title: Kurzname, teaser: true}
          city: {type: text, title: Ort, teaser: true}
          website: {type: url, title: Website}
          lead: {type: bool, default: false, title: Konsortialführung}
          # Ohne eigene Beschreibung: das Logo heißt wie der Partner.
          logo: {type: image, use: logo, title: Logo, json_ld: logo}

      event:
        folder: veranstaltungen
        singular: Veranstaltung
        plural: Veranstaltungen
        date: start
        order: oldest-first
        home: 3
        list_layout: events
        roles: [feed, list_feed]
        json_ld: Event
        event: {start: start, end: end, location: location, online: online, registration: registration, deadline: registration_deadline}
        fields:
          start: {type: date-or-datetime, required: true, title: Beginn}
          end: {type: date-or-datetime, title: Ende}
          location:
            type: object
            title: Ort
            fields:
              name: {type: text, title: Name}
              address: {type: text, title: Straße und Hausnummer}
              postal_code: {type: text, title: Postleitzahl}
              city: {type: text, title: Stadt}
          online: {type: bool, default: false, title: Online}
          registration: {type: url, title: Anmeldung}
          registration_deadline: {type: date-or-datetime, title: Anmeldeschluss}
          contact: {type: reference, to: person, title: Ansprechperson}
          formats: {type: reference, to: format, many: true, title: Angebote, facet: true}
          partners: {type: reference, to: partner, many: true, title: Partner, facet: true}
          themes: {type: reference, to: theme, many: true, title: Themen, facet: true}
          image: {type: image, title: Bild, alt: image_alt, json_ld: image}
          image_alt: {type: text, title: Bildbeschreibung}

      person:
        folder: team
        singular: Person
        plural: Team
        order: family-name
        home: all
        roles: [orphan_warning]
        json_ld: Person
        entity: Person
        fields:
          role: {type: text, title: Funktion, teaser: true, json_ld: jobTitle}
          partner: {type: reference, to: partner, title: Partner, facet: true, group: contact, json_ld: worksFor}
          themes: {type: reference, to: theme, many: true, title: Themen, facet: true}
          phone: {type: phone, title: Telefon, group: contact, json_ld: telephone}
          email: {type: email, title: E-Mail, group: contact, json_ld: email}
          address: {type: text, title: Adresse, group: contact, json_ld: address}
          # Ohne eigene Beschreibung: das Bild heißt wie die Person.
          portrait: {type: image, use: portrait, title: Porträt, json_ld: image}

      theme:
        folder: themen
        singular: Thema
        plural: Themen
        order: title
        home: all
        roles: [topic_feed, orphan_warning]
        fields:
          partners: {type: reference, to: partner, many: true, title: Partner, facet: true}
          image: {type: image, title: Bild, alt: image_alt}
          image_alt: {type: text, title: Bildbeschreibung}

      testimonial:
        folder: stimmen
        singular: Stimme
        plural: Stimmen
        date: date
        order: newest-first
        home: 3
        title_required: false
        # Ohne eigene Seiten: Stimmen stehen beim Angebot, im Beitrag, auf der Startseite und in der Liste.
        pages: false
        quote: {source: source, context: format}
        fields:
          source: {type: text, required: true, title: Quelle}
          format: {type: reference, to: format, title: Angebot, facet: true}
          casestudy: {type: reference, to: casestudy, title: Praxisbeispiel}
          date: {type: date-or-datetime, title: Datum}

      page:
        folder: seiten
        singular: Seite
        plural: Seiten
        url: /{slug}/
        list_page: false
        order: title
        home: none
        fields:
          image: {type: image, title: Bild, alt: image_alt}
          image_alt: {type: text, title: Bildbeschreibung}
    """
}
