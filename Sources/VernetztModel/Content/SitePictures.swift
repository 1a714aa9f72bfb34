import VernetztEngine

/// The pictures `site.yml` names — the site's logo in the header, the funding notice as a
/// picture in the footer, the favicon — and how pictures are encoded. Paths lead into
/// `static/` (`/logo.svg`).
public struct SitePictures: Sendable {
    public struct Picture: Sendable {
        public var path: String
        public var alt: String
        public var location: SourceLocation
    }

    public var logo: Picture?
    /// The funding notice as a picture (the funder's logo with „Gefördert durch …“).
    public var fundingLogo: Picture?
    /// A square picture the browser tab shows; the logo when there is none.
    public var favicon: Picture?
    /// WebP and JPEG quality, 1–100.
    public var quality: Int

    public static let defaultQuality = 75

    init() {
        quality = Self.defaultQuality
    }

    /// Reads `logo`, `logo_alt`, `funding_logo`, `funding_logo_alt`, `favicon` and
    /// `picture_quality`; `siteTitle` describes the logo when `logo_alt` is not given.
    init(reading reader: inout FieldReader, siteTitle: String) {
        quality = Self.defaultQuality
        if let path = reader.path("logo") {
            logo = Picture(path: path, alt: reader.string("logo_alt") ?? siteTitle, location: reader.valueLocation("logo"))
        }
        if let path = reader.path("funding_logo") {
            let location = reader.valueLocation("funding_logo")
            let alt = reader.string("funding_logo_alt")
            if alt == nil {
                reader.error(location, .fundingLogoAlt)
            }
            fundingLogo = Picture(path: path, alt: alt ?? "", location: location)
        }
        if let path = reader.path("favicon") {
            favicon = Picture(path: path, alt: "", location: reader.valueLocation("favicon"))
        }
        let qualityLocation = reader.valueLocation("picture_quality")
        if let number = reader.int("picture_quality") {
            if (1...100).contains(number) { quality = number } else { reader.error(qualityLocation, .pictureQuality) }
        }
    }
}
