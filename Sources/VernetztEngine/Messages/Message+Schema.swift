/// `schema.yml`: the kinds of content and their fields (written by whoever sets a site up).
extension Message {
    public static var builtInSchemaBroken: Message {
        Message("schema-eingebaut", de: "Das eingebaute Schema ist kein YAML", en: "the built-in schema is not YAML")
    }

    public static var schemaNeedsKinds: Message {
        Message("schema-ohne-arten", de: "Das Schema braucht „kinds“", en: "the schema needs 'kinds'")
    }

    public static func kindName(_ name: String) -> Message {
        Message("art-name",
                de: "Der Name einer Art darf nur a–z, 0–9 und „_“ enthalten und beginnt mit einem Buchstaben: „\(name)“",
                en: "a kind's name may hold only a–z, 0–9 and '_', starting with a letter: '\(name)'")
    }

    /// `place` is where the kind is named: `backlink_order`, `home`, `to`.
    public static func unknownKind(_ name: String, in place: String, kinds: [String], listing: Bool = false) -> Message {
        let meant = meant(name, among: kinds)
        let rest: (de: String, en: String) = listing ? (de: "; die Arten sind " + kinds.joined(separator: ", "), en: "; kinds are " + kinds.joined(separator: ", ")) : ("", "")
        return Message("art-unbekannt",
                       de: "Unbekannte Art „\(name)“ in „\(place)“\(meant.de)\(rest.de)",
                       en: place == "home" ? "unknown kind '\(name)' for 'home'\(meant.en)\(rest.en)" : "unknown kind '\(name)' in '\(place)'\(meant.en)\(rest.en)")
    }

    public static func namedTwice(_ name: String, in place: String) -> Message {
        Message("doppelt-in-liste",
                de: "„\(name)“ steht zweimal in „\(place)“",
                en: "'\(name)' is named twice in '\(place)'")
    }

    public static func kindNeedsKeys(_ name: String) -> Message {
        Message("art-ohne-schluessel",
                de: "Die Art „\(name)“ braucht Schlüssel mit Werten (folder, singular, plural, fields)",
                en: "kind '\(name)' must have keys and values (folder, singular, plural, fields)")
    }

    public static func folderLetters(suggestion: String) -> Message {
        Message("ordner-zeichen",
                de: "„folder“ darf nur a–z, 0–9 und „-“ enthalten (versuchen Sie „\(suggestion)“)",
                en: "'folder' may hold only a–z, 0–9 and '-' (try '\(suggestion)')")
    }

    public static func unknownRole(_ name: String, roles: [String]) -> Message {
        let meant = meant(name, among: roles)
        return Message("rolle-unbekannt",
                       de: "Unbekannte Rolle „\(name)“\(meant.de); die Rollen sind \(roles.joined(separator: ", "))",
                       en: "unknown role '\(name)'\(meant.en); roles are \(roles.joined(separator: ", "))")
    }

    public static func orderWord(_ name: String, words: [String], numberFields: [String]) -> Message {
        let meant = meant(name, among: words + numberFields)
        return Message("reihenfolge-unbekannt",
                       de: "„order“ muss \(germanChoices(words)) oder der Name eines Zahlenfelds sein, nicht „\(name)“\(meant.de)",
                       en: "'order' must be one of " + words.map { "'\($0)'" }.joined(separator: ", ") + " or the name of a number field, not '\(name)'\(meant.en)")
    }

    public static func orderNeedsDate(_ order: String) -> Message {
        Message("reihenfolge-ohne-datum",
                de: "„order: \(order)“ braucht „date“: das Feld, nach dem die Art datiert ist",
                en: "'order: \(order)' needs 'date': the field the kind is dated by")
    }

    public static var eventNeedsRoles: Message {
        Message("veranstaltung-ohne-rollen",
                de: "„json_ld: Event“ braucht „event:“ (welche Felder Beginn, Ende und Ort sind)",
                en: "'json_ld: Event' needs 'event:' (which fields are start, end and place)")
    }

    public static func homeCount(_ written: String) -> Message {
        Message("startseite-anzahl",
                de: "„home“ muss eine Anzahl von Einträgen, „all“ oder „none“ sein, nicht „\(written)“",
                en: "'home' must be a number of items, 'all' or 'none', not '\(written)'")
    }

    public static func urlPattern(_ pattern: String) -> Message {
        Message("url-muster",
                de: "„url“ muss wie /{slug}/ oder /blog/{slug}/ aussehen: Ordner aus a–z, 0–9 und „-“, am Ende {slug}/, nicht „\(pattern)“",
                en: "'url' must be like /{slug}/ or /blog/{slug}/: folders of a–z, 0–9 and '-', ending in {slug}/, not '\(pattern)'")
    }

    public static func fieldName(_ name: String) -> Message {
        Message("feld-name",
                de: "Der Name eines Felds darf nur a–z, 0–9 und „_“ enthalten und beginnt mit einem Buchstaben: „\(name)“",
                en: "a field's name may hold only a–z, 0–9 and '_', starting with a letter: '\(name)'")
    }

    public static func fieldNameCommon(_ name: String) -> Message {
        Message("feld-name-vergeben",
                de: "„\(name)“ ist ein Schlüssel, den jede Art hat; ein Feld kann nicht so heißen",
                en: "'\(name)' is a key every kind has; a field cannot take its name")
    }

    public static func fieldNameReserved(_ name: String) -> Message {
        Message("feld-name-reserviert",
                de: "„\(name)“ ist ein Name, den Layouts auf jeder Seite schon sehen; nennen Sie das Feld anders",
                en: "'\(name)' is a name layouts already see on every page; call the field otherwise")
    }

    public static func fieldNeedsKeys(_ name: String) -> Message {
        Message("feld-ohne-schluessel-schema",
                de: "Das Feld „\(name)“ braucht Schlüssel mit Werten, wie {type: text, title: …}",
                en: "field '\(name)' must have keys and values, like {type: text, title: …}")
    }

    public static func fieldNeedsType(_ name: String, types: [String]) -> Message {
        Message("feld-ohne-typ",
                de: "Das Feld „\(name)“ braucht einen „type“: einen von \(types.joined(separator: ", "))",
                en: "field '\(name)' needs a 'type': one of " + types.joined(separator: ", "))
    }

    public static func keyForTypes(_ key: String, types: [String]) -> Message {
        Message("schluessel-falscher-typ",
                de: "„\(key)“ gehört zu Feldern vom Typ \(types.joined(separator: " oder "))",
                en: "'\(key)' belongs to fields of type " + types.joined(separator: " or "))
    }

    public static func referenceNeedsTarget(_ name: String) -> Message {
        Message("verweis-ohne-ziel",
                de: "Das Verweisfeld „\(name)“ braucht „to“: die Art, auf die es verweist",
                en: "reference field '\(name)' needs 'to': the kind it refers to")
    }

    public static var pagesNeedList: Message {
        Message("seiten-ohne-liste",
                de: "„pages: false“ braucht eine Listenseite: ohne eigene Seiten werden die Einträge dort gezeigt (entfernen Sie „list_page: false“)",
                en: "'pages: false' needs a list page: items without pages of their own are shown there (remove 'list_page: false')")
    }

    public static var minimumNeedsMany: Message {
        Message("min-ohne-many",
                de: "„min“ braucht „many: true“ (für einen einzelnen Verweis schreiben Sie „required: true“)",
                en: "'min' needs 'many: true' (for one reference, write 'required: true')")
    }

    public static func enumNeedsValues(_ name: String) -> Message {
        Message("auswahl-ohne-werte",
                de: "Das Auswahlfeld „\(name)“ braucht „values“: eine Liste von Wörtern oder Wörtern mit ihren Titeln",
                en: "enum field '\(name)' needs 'values': a list of words, or words with their titles")
    }

    public static func objectNeedsFields(_ name: String) -> Message {
        Message("objekt-ohne-felder",
                de: "Das Objektfeld „\(name)“ braucht „fields“",
                en: "object field '\(name)' needs 'fields'")
    }

    public static func typeInObject(_ type: String) -> Message {
        Message("typ-im-objekt",
                de: "Ein Feld in einem Objekt kann nicht vom Typ „\(type)“ sein",
                en: "a field inside an object cannot be of type '\(type)'")
    }

    public static var authorsRole: Message {
        Message("rolle-autoren",
                de: "„role: authors“ gehört zu einem Verweisfeld mit „many: true“",
                en: "'role: authors' belongs to a reference field with 'many: true'")
    }

    public static var tagsRole: Message {
        Message("rolle-schlagwoerter",
                de: "„role: tags“ gehört zu einem Feld vom Typ list",
                en: "'role: tags' belongs to a field of type list")
    }

    public static func groupName(_ group: String) -> Message {
        Message("gruppe-name",
                de: "„group“ darf nur a–z, 0–9 und „_“ enthalten: „\(group)“",
                en: "'group' may hold only a–z, 0–9 and '_': '\(group)'")
    }

    public static var valuesShape: Message {
        Message("werte-form",
                de: "„values“ muss eine Liste von Wörtern sein, oder Wörter mit ihren Titeln",
                en: "'values' must be a list of words, or words with their titles")
    }

    public static var defaultSingle: Message {
        Message("vorgabe-einzeln", de: "„default“ muss ein einzelner Wert sein", en: "'default' must be a single value")
    }

    public static func noDefault(_ type: String) -> Message {
        Message("vorgabe-unmoeglich",
                de: "Felder vom Typ \(type) haben keine Vorgabe",
                en: "fields of type \(type) have no default")
    }

    public static func defaultType(_ text: String, type: String) -> Message {
        Message("vorgabe-typ",
                de: "„default: \(text)“ ist kein Wert vom Typ \(type)",
                en: "'default: \(text)' is not a value of type \(type)")
    }

    public static func unknownFieldForRole(_ name: String, role: String, fields: [String]) -> Message {
        let meant = meant(name, among: fields)
        return Message("rollenfeld-unbekannt",
                       de: "Unbekanntes Feld „\(name)“ für „\(role)“\(meant.de)",
                       en: "unknown field '\(name)' for '\(role)'\(meant.en)")
    }

    public static func roleFieldType(_ name: String, role: String, types: [String], actual: String) -> Message {
        Message("rollenfeld-typ",
                de: "„\(role)“ braucht ein Feld vom Typ \(types.joined(separator: " oder ")); „\(name)“ ist \(actual)",
                en: "'\(role)' needs a field of type " + types.joined(separator: " or ") + "; '\(name)' is \(actual)")
    }

    public static func altField(_ alt: String, field: String, textFields: [String]) -> Message {
        let meant = meant(alt, among: textFields)
        return Message("alt-feld",
                       de: "„alt: \(alt)“ des Felds „\(field)“ muss ein Textfeld derselben Art nennen\(meant.de)",
                       en: "'alt: \(alt)' of field '\(field)' must name a text field of the same kind\(meant.en)")
    }

    public static func sharedFolder(_ first: String, _ second: String, folder: String) -> Message {
        Message("ordner-doppelt",
                de: "Die Arten „\(first)“ und „\(second)“ teilen den Ordner „\(folder)“: jede Art braucht ihren eigenen",
                en: "kinds '\(first)' and '\(second)' share the folder '\(folder)': each kind needs its own")
    }

    public static func urlTaken(_ kind: String, taken: String) -> Message {
        Message("url-vergeben",
                de: "Die Adresse der Art „\(kind)“ liegt in /\(taken), das vernetzt selbst schreibt",
                en: "the URL of kind '\(kind)' lies in /\(taken), which vernetzt writes itself")
    }

    public static func sharedURL(_ first: String, _ second: String, prefix: String) -> Message {
        Message("url-doppelt",
                de: "Die Arten „\(first)“ und „\(second)“ legen ihre Einträge beide unter /\(prefix)<slug>/ ab",
                en: "kinds '\(first)' and '\(second)' both put their items at /\(prefix)<slug>/")
    }

    public static func nestedURL(_ first: String, _ firstPrefix: String, _ second: String, _ secondPrefix: String) -> Message {
        Message("url-verschachtelt",
                de: "Die Adressen der Arten „\(first)“ (/\(firstPrefix)<slug>/) und „\(second)“ (/\(secondPrefix)<slug>/) können zusammenstoßen: die eine liegt in der anderen",
                en: "the URLs of kinds '\(first)' (/\(firstPrefix)<slug>/) and '\(second)' (/\(secondPrefix)<slug>/) can collide: one lies inside the other")
    }
}
