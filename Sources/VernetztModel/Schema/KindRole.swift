import VernetztEngine

/// What a kind's items do beyond having a page, named in the schema's `roles:` list.
public enum KindRole: String, CaseIterable, Sendable {
    /// In the site's feed; an article to search engines and social previews (`og:type`).
    case feed
    /// The kind's list has a feed of its own (`/blog/feed.xml`).
    case listFeed = "list_feed"
    /// Each item has a feed of the dated items that refer to it (a format's, a theme's).
    case topicFeed = "topic_feed"
    /// Items show up to three related items of the kinds with this role.
    case related
    /// An item that nothing links to is reported: it is likely forgotten.
    case orphanWarning = "orphan_warning"
    /// Items are named as members of the site's organisation in the home page's JSON-LD.
    case members
}
