import VernetztEngine

/// Files every site has, which no item, alias or tag may take.
package enum SitePaths {
    package static let feed = "feed.xml"
    package static let sitemap = "sitemap.xml"
    package static let robots = "robots.txt"
    package static let notFound = "404.html"
    package static let tagIndex = Tag.folder + "index.html"
    package static let search = "suche/"
    /// Pagefind's index and scripts; reserved whether or not the site has search.
    package static let searchIndex = "pagefind/"
    /// Page N of a list lives at `<list>/seite/N/`.
    package static let pageSegment = "seite/"
    /// Where the theme's assets go.
    package static let assets = "assets/"
    /// The longest part of a path between two `/` that file systems take (bytes).
    package static let longestSegment = 255

    package static let reserved = [feed, sitemap, robots, notFound, tagIndex, search + "index.html"]

    /// The folders that hold `path`, innermost first, each with its `/` (`content/blog/x/`,
    /// `content/blog/`, `content/`): looked up in a set, a file's page folder is found without
    /// comparing it with every folder of the site.
    package static func folders(holding path: String) -> [String] {
        var folders: [String] = []
        var end = path.endIndex
        while let slash = path[..<end].utf8.lastIndex(of: UInt8(ascii: "/")) {
            folders.append(String(path[...slash]))
            end = slash
        }
        return folders
    }
}
