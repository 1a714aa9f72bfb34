/// The picture formats vernetzt knows, by file name: raster formats go through the picture
/// pipeline; SVG is published as it is, once checked.
public enum PictureType: String, Sendable, CaseIterable {
    case jpeg, png, webp, gif, tiff, heif, avif, svg

    public init?(path: String) {
        // The extension on the bytes, lowered in ASCII: every file of a site is asked.
        let utf8 = path.utf8
        guard let dot = utf8.lastIndex(of: UInt8(ascii: ".")), !utf8[dot...].contains(UInt8(ascii: "/")) else { return nil }
        let ending = utf8[utf8.index(after: dot)...]
        guard ending.count <= 4 else { return nil }
        switch String(decoding: ending.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self) {
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
