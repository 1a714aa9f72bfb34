import VernetztEngine

/// An entry of the site's main menu; `url` may be an `@kind/id` link, resolved by the link stage.
public struct MenuItem: Sendable {
    public var title: String
    public var url: String
    public var location: SourceLocation
}

extension MenuItem {
    /// Why `url` cannot stand in a menu, or nil: an entry is a path below the site (`/…`), an
    /// item (`@kind/id`), or a web address (https:, http:, mailto:, tel:).
    static func problem(_ url: String) -> Message? {
        if let scheme = MarkdownParser.forbiddenScheme(url) { return .menuScheme(scheme) }
        if let character = ControlCharacters.first(in: url) { return .menuForbiddenCharacter(character) }
        if url.hasPrefix("//") || url.hasPrefix("/\\") {
            return .menuOtherHost(url)
        }
        if url.hasPrefix("/") || url.hasPrefix("@") { return nil }
        let lowered = url.lowercased()
        if ["https://", "http://", "mailto:", "tel:"].contains(where: lowered.hasPrefix) { return nil }
        return .menuAddress(url)
    }
}
