import Foundation
import VernetztEngine
import VernetztModel

/// The values every page shares: the site, the menu with the current entry marked,
/// the page's title, canonical URL and description.
struct PageFrame: Sendable {
    let site: Site
    let siteValues: TemplateValue
    /// The `og:image` of a page without a picture of its own: the site's card.
    let siteCard: String?

    init(site: Site, searchReady: Bool = false) {
        self.site = site
        siteCard = site.pictures.siteCard.map { site.absoluteURL(ofPicture: $0.url) }
        var values: TemplateObject = [
            .title: .text(site.config.title),
            .url: .text(site.config.baseURL),
            .base: .text(site.config.basePath),
            .language: .text(site.config.language),
            .assets: .text(site.config.basePath + "assets/"),
        ]
        values.set(.description, site.config.description)
        if let contact = site.config.contact {
            var entries = TemplateObject()
            entries.set(.name, contact.name)
            entries.set(.phone, contact.phone)
            entries.set(.email, contact.email)
            entries.set(.phoneHref, contact.phone.map(ViewModelBuilder.telephoneURL))
            if let address = contact.address {
                entries[.addressLines] = .texts(address.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
            }
            values[.contact] = .object(entries)
        }
        values.set(.fundedBy, site.config.fundedBy)
        let named = site.config.pictures
        if let logo = site.pictures.logo, let picture = named.logo {
            // The header writes the site's title beside the logo: there the picture adds no words.
            var parts = PictureMarkup.values(logo, alt: picture.alt, place: .logo, loading: .lazy)
            parts[.html] = .text(PictureMarkup.html(logo, alt: "", place: .logo, loading: .normal, className: "site-logo"))
            values[.logo] = .object(parts)
        }
        if let logo = site.pictures.fundingLogo, let picture = named.fundingLogo {
            values[.fundingLogo] = .object(PictureMarkup.values(logo, alt: picture.alt, place: .logo, loading: .lazy))
        }
        if let favicon = site.pictures.favicon {
            // 32 pixels for the tab, 180 for a phone's home screen, and the SVG itself where it is one.
            values.set(.favicon, favicon.icons.last?.url)
            values.set(.appleTouchIcon, favicon.icons.first?.url)
            if let source = (named.favicon ?? named.logo), PictureType(path: source.path) == .svg,
               let output = LocalPath.pictureFile(source.path, from: "", basePath: site.config.basePath) {
                values[.svgIcon] = .text(site.config.basePath + output)
            }
        }
        values[.search] = .flag(searchReady)
        values[.searchURL] = site.config.search ? .text(site.config.basePath + SitePaths.search) : false
        let footer: [TemplateObject] = site.footerMenu.map { [.title: .text($0.title), .url: .text($0.url)] }
        if !footer.isEmpty { values[.footerMenu] = .object([.items: .objects(footer)]) }
        self.siteValues = .object(values)
    }

    /// `path` is the page's folder relative to the output root (`blog/x/`, `` for home).
    /// `feeds` are announced with `rel="alternate"`; `image` (absolute) and `articleType` feed
    /// the Open Graph and Twitter card tags.
    func add(to context: inout TemplateObject, title: String, path: String, description: String?,
             structuredData: JSONValue? = nil, feeds: [(title: String, url: String)] = [],
             image: String? = nil, isArticle: Bool = false) {
        let url = site.config.basePath + path
        let image = image ?? siteCard
        context[.site] = siteValues
        context[.pageTitle] = .text(path.isEmpty ? site.config.title : "\(title) – \(site.config.title)")
        context[.heading] = .text(title)
        context[.canonical] = .text(site.config.baseURL + path)
        context[.pageURL] = .text(url)
        if path.isEmpty { context[.isHome] = true }
        if let structuredData { context[.jsonLD] = .utf8(JSONLD.script(structuredData)) }
        context[.feeds] = .objects(feeds.map { [.title: .text($0.title), .url: .text($0.url)] })
        var openGraph: TemplateObject = [.type: isArticle ? "article" : "website", .title: .text(title),
                                         .card: image == nil ? "summary" : "summary_large_image",
                                         .locale: site.config.language == "de" ? "de_DE" : "en_GB"]
        openGraph.set(.image, image)
        context[.og] = .object(openGraph)
        context.set(.pageDescription, description ?? site.config.description)
        let entries = site.menu.map { item -> TemplateObject in
            var entry: TemplateObject = [.title: .text(item.title), .url: .text(item.url)]
            if item.url == url { entry[.current] = true }
            else if item.url != site.config.basePath && url.hasPrefix(item.url) { entry[.section] = true }
            return entry
        }
        if !entries.isEmpty { context[.menu] = .object([.items: .objects(entries)]) }
    }
}
