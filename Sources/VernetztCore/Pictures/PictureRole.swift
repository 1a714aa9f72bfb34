import VernetztModel

/// What a picture is made for, which decides its recipe: a field's use, or the site's favicon.
enum PictureRole: Sendable, Hashable {
    case field(PictureUse)
    case favicon
    /// A file of `static/` or the theme's assets, published under its own name without metadata.
    case original

    var name: String {
        switch self {
        case .field(let use): use.rawValue
        case .favicon: "favicon"
        case .original: "original"
        }
    }
}
