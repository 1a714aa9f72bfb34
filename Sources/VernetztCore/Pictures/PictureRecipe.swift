import VernetztModel

/// The sizes made of one picture for one use: a width ladder in WebP, one fallback for browsers
/// without WebP (JPEG, or PNG for a picture with transparency), and the 1200×630 social card;
/// for a favicon, PNGs of 180 and 32 pixels.
struct PictureRecipe: Sendable, Hashable {
    struct Output: Sendable, Hashable {
        var format: PictureCodec.Format
        var width: Int
        /// The box's height; with `crop`, the exact height.
        var height: Int
        var crop: Bool
        /// PNG when the picture has transparency, else JPEG.
        var fallback = false
        /// What the output file's name ends in (`800`, `karte`).
        var name: String
    }

    var outputs: [Output]
    /// A favicon is drawn at its sizes even from a smaller logo.
    var enlarges = false

    /// Heights no picture reaches: a box only as wide as the width.
    static let unbounded = 10_000_000

    /// What the picture is decoded into once, for all outputs: the largest box, cut when every
    /// output is cut the same way.
    var loadBox: (width: Int, height: Int, crop: Bool) {
        let widest = outputs.max { $0.width < $1.width }!
        let allCut = outputs.allSatisfy { $0.crop && $0.width * widest.height == $0.height * widest.width }
        return allCut ? (widest.width, widest.height, true) : (widest.width, Self.unbounded, false)
    }

    /// The widths a photo is made in: a phone at 3× fills 1200, a wide screen at 2× 1600.
    static let photoWidths = [480, 800, 1200, 1600]
    static let logoWidths = [240, 480]
    static let portraitWidths = [160, 320, 480]
    static let fallbackWidth = 800

    static func recipe(for role: PictureRole, card: Bool) -> PictureRecipe {
        var outputs: [Output]
        switch role {
        case .original:
            outputs = []  // cleaned, not encoded: see CleanCopy
        case .favicon:
            outputs = [180, 32].map { Output(format: .png, width: $0, height: $0, crop: true, name: "icon-\($0)") }
        case .field(.photo):
            outputs = photoWidths.map { Output(format: .webp, width: $0, height: unbounded, crop: false, name: "\($0)") }
            outputs.append(Output(format: .png, width: fallbackWidth, height: unbounded, crop: false, fallback: true, name: "\(fallbackWidth)"))
        case .field(.logo):
            outputs = logoWidths.map { Output(format: .webp, width: $0, height: unbounded, crop: false, name: "\($0)") }
            outputs.append(Output(format: .png, width: logoWidths.last!, height: unbounded, crop: false, fallback: true, name: "\(logoWidths.last!)"))
        case .field(.portrait):
            outputs = portraitWidths.map { Output(format: .webp, width: $0, height: $0, crop: true, name: "\($0)") }
            outputs.append(Output(format: .png, width: 320, height: 320, crop: true, fallback: true, name: "320"))
        }
        if card { outputs.append(Output(format: .jpeg, width: 1200, height: 630, crop: true, name: "karte")) }
        return PictureRecipe(outputs: outputs, enlarges: role == .favicon)
    }
}
