import VernetztModel

/// The pictures of a build, made ready, found by the path a page or `site.yml` names them with.
struct PictureCatalog: Sendable {
    struct Key: Sendable, Hashable {
        /// The source file (`content/blog/x/foto.jpg`).
        var source: String
        var role: PictureRole
    }

    var pictures: [Key: ProcessedPicture] = [:]
    /// Output path → source path of every copied file: where a written path leads.
    var sourceOfOutput: [String: String] = [:]
    var basePath = "/"
    var logo: ProcessedPicture?
    var fundingLogo: ProcessedPicture?
    var favicon: ProcessedPicture?

    static let empty = PictureCatalog()

    /// The source a picture path written on the page in `folder` names.
    func source(of raw: String, from folder: String) -> String? {
        LocalPath.pictureFile(raw, from: folder, basePath: basePath).flatMap { sourceOfOutput[$0] }
    }

    func picture(_ raw: String, from folder: String, role: PictureRole) -> ProcessedPicture? {
        source(of: raw, from: folder).flatMap { pictures[Key(source: $0, role: role)] }
    }
}
