/// The picture formats vernetzt knows, by file name: raster formats go through the picture
/// pipeline; SVG is published as it is, once checked.
public enum PictureType: String, Sendable, CaseIterable {
    case jpeg, png, webp, gif, tiff, heif, avif, svg

    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "jpg", "jpeg", "jpe": self = .jpeg
        case "png": self = .png
        case "webp": self = .webp
        case "gif": self = .gif
        case "tif", "tiff": self = .tiff
        case "heic", "heif": self = .heif
        case "avif": self = .avif
        case "svg": self = .svg
        default: return nil
        }
    }

    /// Decoded, scaled and encoded anew by libvips.
    public var isRaster: Bool { self != .svg }
}
