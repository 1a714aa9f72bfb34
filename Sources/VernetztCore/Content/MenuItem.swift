/// An entry of the site's main menu; `url` may be an `@kind/id` link, resolved by the link stage.
public struct MenuItem: Sendable {
    public var title: String
    public var url: String
    public var location: SourceLocation
}
