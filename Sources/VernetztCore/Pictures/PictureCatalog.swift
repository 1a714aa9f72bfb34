import VernetztModel

/// The pictures of a build, made ready, found by the path a page or `site.yml` names them with.
struct PictureCatalog: Sendable {
    struct Key: Sendable, Hashable {
        /// The source file (`content/blog/x/foto.jpg`).
        var source: String
        var role: PictureRole
    }

    var pictures: [Key: ProcessedPicture] = [:]
    /// Drawn `og:image` cards of pages without a photo of their own, by document; the site's
    /// card for all other pages.
    var cards: [Int: ProcessedPicture.Size] = [:]
    var siteCard: ProcessedPicture.Size?
    /// The plan's output path → source path (`Site.sourceOfOutput`): where a written path leads.
    var sourceOfOutput: [String: String] = [:]
    var basePath: String
    var logo: ProcessedPicture?
    var fundingLogo: ProcessedPicture?
    var favicon: ProcessedPicture?

    static let empty = PictureCatalog()

    init(basePath: String = "/") {
        self.basePath = basePath
    }

    /// The source a picture path written on the page in `folder` names.
    func source(of raw: String, from folder: String) -> String? {
        LocalPath.pictureFile(raw, from: folder, basePath: basePath).flatMap { sourceOfOutput[$0] }
    }

    func picture(_ raw: String, from folder: String, role: PictureRole) -> ProcessedPicture? {
        source(of: raw, from: folder).flatMap { pictures[Key(source: $0, role: role)] }
    }
}
