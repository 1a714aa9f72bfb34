/// Files every site has, which no item, alias or tag may take.
enum SitePaths {
    static let feed = "feed.xml"
    static let sitemap = "sitemap.xml"
    static let robots = "robots.txt"
    static let notFound = "404.html"
    static let tagIndex = Tag.folder + "index.html"
    static let search = "suche/"
    /// Pagefind's index and scripts; reserved whether or not the site has search.
    static let searchIndex = "pagefind/"
    /// Page N of a list lives at `<list>/seite/N/`.
    static let pageSegment = "seite/"

    static let reserved = [feed, sitemap, robots, notFound, tagIndex, search + "index.html"]
}
