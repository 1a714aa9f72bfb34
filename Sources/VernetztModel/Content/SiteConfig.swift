import Foundation
import VernetztEngine

/// `site.yml`: the settings of the whole site.
public struct SiteConfig: Sendable {
    public var title: String
    /// The public base URL, always ending in `/`.
    public var baseURL: String {
        didSet {
            basePath = Self.path(of: baseURL)
            origin = Self.origin(of: baseURL)
        }
    }
    public var language: String
    public var timeZone: TimeZone
    public var description: String?
    public var menu: [MenuItem]
    /// Links in the footer (Impressum, Datenschutz, …), same form as `menu`.
    public var footerMenu: [MenuItem]
    public var contact: SiteContact?
    /// The funding body named in the footer's funding notice („Gefördert durch …“).
    public var fundedBy: String?
    public var rawHTML: Bool
    /// Items per page of a paginated list, and per backlink section before it links to all.
    public var pageSize: Int
    /// Entries per Atom feed (the newest).
    public var feedSize: Int
    /// Full-text search with Pagefind.
    public var search: Bool
    /// Logo, funding logo, favicon and the quality pictures are encoded with.
    public var pictures = SitePictures()

    public static let path = "site.yml"

    /// The path part of the base URL (`/` or `/unterseite/`), prefixed to every internal link;
    /// worked out once, not for each of the site's links.
    public private(set) var basePath: String
    /// `https://example.org` of the base URL ("" without a host), before every absolute address
    /// of a path: feed entries, `og:image`, JSON-LD pictures. Worked out once as well.
    public private(set) var origin: String

    init(title: String, baseURL: String, language: String, timeZone: TimeZone, description: String?,
         menu: [MenuItem], footerMenu: [MenuItem], contact: SiteContact?, fundedBy: String?,
         rawHTML: Bool, pageSize: Int, feedSize: Int, search: Bool) {
        self.title = title
        self.baseURL = baseURL
        self.basePath = Self.path(of: baseURL)
        self.origin = Self.origin(of: baseURL)
        self.language = language
        self.timeZone = timeZone
        self.description = description
        self.menu = menu
        self.footerMenu = footerMenu
        self.contact = contact
        self.fundedBy = fundedBy
        self.rawHTML = rawHTML
        self.pageSize = pageSize
        self.feedSize = feedSize
        self.search = search
    }

    private static func origin(of baseURL: String) -> String {
        guard let url = URL(string: baseURL), let scheme = url.scheme, let host = url.host else { return "" }
        return "\(scheme)://\(host)" + (url.port.map { ":\($0)" } ?? "")
    }

    private static func path(of baseURL: String) -> String {
        guard let url = URL(string: baseURL), !url.path.isEmpty else { return "/" }
        return url.path.hasSuffix("/") ? url.path : url.path + "/"
    }

    public static func parse(_ file: SourceFile?) throws(BuildFailure) -> SiteConfig {
        guard let file else {
            throw BuildFailure([.error(SourceLocation(path: path), .siteFileMissing)])
        }
        let node: YAMLValue?
        do throws(Diagnostic) {
            node = try YAMLDocument.compose(Substring(try TextDecoding.decode(file.bytes, path: path)), path: path, firstLine: 1)
        } catch {
            throw BuildFailure([error])
        }
        let utc = DateParser(timeZone: TimeZone(identifier: "UTC")!)
        var reader = FieldReader(node: node, path: path, firstLine: 1, dates: utc)
        let title = reader.string("title", required: true) ?? ""
        let urlLocation = reader.keyLocation("url")
        var baseURL = reader.url("url", required: true) ?? ""
        if let problem = baseURLProblem(baseURL) { reader.error(urlLocation, problem) }
        if !baseURL.hasSuffix("/") { baseURL += "/" }
        let language = reader.choice("language", among: ["de", "en"]) ?? "de"
        let zoneLocation = reader.keyLocation("timezone")
        let zoneName = reader.string("timezone") ?? "Europe/Berlin"
        let zone = TimeZone(identifier: zoneName)
        if zone == nil { reader.error(zoneLocation, .unknownTimeZone(zoneName)) }
        let description = reader.string("description")
        let rawHTML = reader.bool("raw_html") ?? false
        let pageSize = positive("page_size", default: 10, &reader)
        let feedSize = positive("feed_size", default: 20, &reader)
        let search = reader.bool("search") ?? false
        let menu = readMenu("menu", &reader)
        let footerMenu = readMenu("footer_menu", &reader)
        var contact: SiteContact?
        if var nested = reader.nested("contact") {
            contact = SiteContact(reading: &nested)
            reader.absorb(&nested)
        }
        let fundedBy = reader.string("funded_by")
        let pictures = SitePictures(reading: &reader, siteTitle: title)
        reader.finish()
        if reader.diagnostics.contains(where: \.isError) { throw BuildFailure(reader.diagnostics) }
        var config = SiteConfig(title: title, baseURL: baseURL, language: language,
                                timeZone: zone ?? TimeZone(identifier: "UTC")!, description: description,
                                menu: menu, footerMenu: footerMenu, contact: contact, fundedBy: fundedBy,
                                rawHTML: rawHTML, pageSize: pageSize, feedSize: feedSize, search: search)
        config.pictures = pictures
        return config
    }

    /// The base URL goes into every canonical link, feed and calendar: only scheme, host,
    /// port and path.
    private static func baseURLProblem(_ text: String) -> Message? {
        guard !text.isEmpty else { return nil }
        guard let components = URLComponents(string: text), let host = components.host, !host.isEmpty,
              ["http", "https"].contains(components.scheme?.lowercased() ?? "") else {
            return .baseURL(.notWebAddress)
        }
        if components.user != nil || components.password != nil { return .baseURL(.credentials) }
        if components.query != nil { return .baseURL(.query) }
        if components.fragment != nil { return .baseURL(.fragment) }
        return nil
    }

    private static func positive(_ key: String, default value: Int, _ reader: inout FieldReader) -> Int {
        let location = reader.keyLocation(key)
        guard let number = reader.int(key) else { return value }
        guard number > 0 else {
            reader.error(location, .atLeastOne(key))
            return value
        }
        return number
    }

    private static func readMenu(_ key: String, _ reader: inout FieldReader) -> [MenuItem] {
        guard let node = reader.value(key) else { return [] }
        guard case .list(let entries, _) = node else {
            reader.error(reader.location(of: node), .menuNotList(key))
            return []
        }
        var items: [MenuItem] = []
        for entry in entries {
            var item = FieldReader(node: entry, path: path, firstLine: 1, dates: reader.dates)
            let title = item.string("title", required: true)
            let url = item.string("url", required: true)
            reader.absorb(&item)
            if let title, let url {
                let location = reader.location(of: entry)
                if let problem = MenuItem.problem(url) {
                    reader.error(location, problem)
                } else {
                    items.append(MenuItem(title: title, url: url, location: location))
                }
            }
        }
        return items
    }
}
