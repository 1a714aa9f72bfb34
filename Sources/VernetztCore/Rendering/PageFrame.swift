import Foundation

/// The values every page shares: the site, the menu with the current entry marked,
/// the page's title, canonical URL and description.
struct PageFrame {
    let site: Site
    let siteValues: [String: Any]

    init(site: Site, searchReady: Bool = false) {
        self.site = site
        var values: [String: Any] = [
            "title": site.config.title,
            "url": site.config.baseURL,
            "base": site.config.basePath,
            "language": site.config.language,
            "assets": site.config.basePath + "assets/",
        ]
        if let description = site.config.description { values["description"] = description }
        if let contact = site.config.contact {
            var entries: [String: Any] = [:]
            for (key, value) in [("name", contact.name), ("phone", contact.phone), ("email", contact.email),
                                 ("phone_href", contact.phone.map(ViewModelBuilder.telephoneURL))] {
                if let value { entries[key] = value }
            }
            if let address = contact.address {
                entries["address_lines"] = address.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            }
            values["contact"] = entries
        }
        if let funder = site.config.fundedBy { values["funded_by"] = funder }
        values["search"] = searchReady
        values["search_url"] = site.config.search ? site.config.basePath + SitePaths.search : false
        let footer = site.footerMenu.map { ["title": $0.title, "url": $0.url] }
        if !footer.isEmpty { values["footer_menu"] = ["items": footer] }
        self.siteValues = values
    }

    /// `path` is the page's folder relative to the output root (`blog/x/`, `` for home).
    /// `feeds` are announced with `rel="alternate"`; `image` (absolute) and `articleType` feed
    /// the Open Graph and Twitter card tags.
    func add(to context: inout [String: Any], title: String, path: String, description: String?,
             structuredData: [String: Any]? = nil, feeds: [(title: String, url: String)] = [],
             image: String? = nil, isArticle: Bool = false) {
        let url = site.config.basePath + path
        context["site"] = siteValues
        context["page_title"] = path.isEmpty ? site.config.title : "\(title) – \(site.config.title)"
        context["heading"] = title
        context["canonical"] = site.config.baseURL + path
        context["page_url"] = url
        if path.isEmpty { context["is_home"] = true }
        if let structuredData { context["json_ld"] = JSONLD.script(structuredData) }
        context["feeds"] = feeds.map { ["title": $0.title, "url": $0.url] }
        var openGraph: [String: Any] = ["type": isArticle ? "article" : "website", "title": title,
                                        "card": image == nil ? "summary" : "summary_large_image",
                                        "locale": site.config.language == "de" ? "de_DE" : "en_GB"]
        if let image { openGraph["image"] = image }
        context["og"] = openGraph
        if let description = description ?? site.config.description { context["page_description"] = description }
        let entries = site.menu.map { item -> [String: Any] in
            var entry: [String: Any] = ["title": item.title, "url": item.url]
            if item.url == url { entry["current"] = true }
            else if item.url != site.config.basePath && url.hasPrefix(item.url) { entry["section"] = true }
            return entry
        }
        if !entries.isEmpty { context["menu"] = ["items": entries] }
    }
}
