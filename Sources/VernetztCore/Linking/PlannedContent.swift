import VernetztModel

/// What a planned output file holds; the render stage turns each into bytes with the writer
/// for its format (a layout, Atom, iCalendar, a copy).
public enum PlannedContent: Sendable {
    /// An item's page.
    case item(Int)
    /// The Atom feed of the dated items that refer to a format or theme.
    case itemFeed(Int)
    /// An event's own `.ics`.
    case itemCalendar(Int)
    /// Page `page` (from 1) of a paginated list.
    case list(PlannedList, page: Int)
    /// The list of an event kind: coming, then past by year.
    case eventList(ContentKind)
    case kindFeed(ContentKind)
    /// `kalender.ics` of an event kind.
    case kindCalendar(ContentKind)
    case siteFeed
    case tagIndex
    case home, notFound, search, robots
    /// A redirect from an old address to an item.
    case alias(target: Int)
    /// A file copied as it is, named by its source path: its bytes are read when the file is
    /// written, so a link result kept by `serve` copies what the file holds now.
    case asset(source: String)
    /// A raster picture: the picture stage makes what is published of it. One beside a page
    /// goes out only in the sizes made for its uses, never as it is (a phone's 5 MB original
    /// with its GPS position); one in `static/` or the theme's assets is published under its
    /// name without its metadata. Planned here for its path to be claimed and found.
    case pictureSource(source: String)
}

/// The lists that run over pages: a kind's, a tag's, and the full list behind an item's
/// backlink section of one kind.
public enum PlannedList: Sendable {
    case kind(ContentKind)
    case tag(Int)
    case backlinks(document: Int, kind: ContentKind)
}
