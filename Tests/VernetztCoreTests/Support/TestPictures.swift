import Foundation
@testable import VernetztCore

/// Real pictures for test sites: a file's text in `TemporarySite` that is one of these markers
/// is written as the picture's bytes.
enum TestPictures {
    static let jpegMarker = "«test-jpeg»"
    static let pngMarker = "«test-png»"

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// 640×480, taken turned (EXIF orientation 6), with a GPS position and a camera name.
    static let jpeg = [UInt8](FileManager.default.contents(atPath: fixtures.appendingPathComponent("gps-rotated.jpg").path) ?? Data())

    /// 64×85 PNG made from the photo.
    static let png: [UInt8] = (try? PictureCodec.variants(
        of: jpeg, recipe: PictureRecipe(outputs: [.init(format: .png, width: 64, height: PictureRecipe.unbounded, crop: false, name: "64")]),
        quality: 80)[0].1.bytes) ?? []

    static func bytes(for text: String) -> [UInt8]? {
        switch text {
        case jpegMarker: jpeg
        case pngMarker: png
        default: nil
        }
    }
}
