import VernetztModel

/// What a picture is made for, which decides its recipe: a field's use, or the site's favicon.
enum PictureRole: Sendable, Hashable {
    case field(PictureUse)
    case favicon

    var name: String {
        switch self {
        case .field(let use): use.rawValue
        case .favicon: "favicon"
        }
    }
}
