import Foundation
import Testing
@testable import VernetztCore
@testable import VernetztEngine
@testable import VernetztModel

/// The picture codec on libvips: upright, scaled down and never up, and nothing of the
/// camera's metadata in what it writes — the test photo carries a GPS position and says it was
/// taken turned by 90°.
@Suite struct PictureCodecTests {
    static let photo = [UInt8](FileManager.default.contents(atPath: URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("Fixtures/gps-rotated.jpg").path) ?? Data())

    @Test func thePhotoCarriesWhatMustNotBePublished() throws {
        #expect(Self.photo.count > 1000)
        #expect(Self.photo.firstRange(of: Array("Exif".utf8)) != nil)
        #expect(try PictureCodec.size(of: Self.photo) == (640, 480))
    }

    @Test(arguments: [PictureCodec.Format.webp, .jpeg, .png])
    func variantsAreUprightSmallerAndBare(format: PictureCodec.Format) throws {
        let small = try PictureCodec.variant(of: Self.photo, width: 240, format: format, quality: 80)
        // Turned upright: the 640×480 landscape was taken turned, so it stands 480×640.
        #expect(small.width == 240 && small.height == 320, "\(small.width)×\(small.height)")
        #expect(small.bytes.firstRange(of: Array("Exif".utf8)) == nil)
        #expect(small.bytes.firstRange(of: Array("Testkamera".utf8)) == nil)
        #expect(try PictureCodec.size(of: small.bytes) == (240, 320))
        // What was written decodes whole again.
        #expect(try PictureCodec.variant(of: small.bytes, width: 120, format: .png, quality: 80).width == 120)
        // Never enlarged.
        let large = try PictureCodec.variant(of: Self.photo, width: 2000, format: format, quality: 80)
        #expect(large.width == 480 && large.height == 640)
    }

    @Test func whatIsNoPictureIsAFailureWithAReason() {
        #expect(throws: PictureCodec.Failure.self) { try PictureCodec.size(of: Array("kein Bild".utf8)) }
        do {
            _ = try PictureCodec.variant(of: Array(Self.photo.prefix(200)), width: 100, format: .jpeg, quality: 80)
            Issue.record("a cut-off photo was encoded")
        } catch {
            #expect(!error.reason.english.isEmpty && !error.reason.german.isEmpty)
        }
    }

    /// libvips from many threads gives what one thread gives, byte for byte.
    @Test func manyThreadsGiveWhatOneGives() throws {
        let widths = (0..<120).map { 100 + $0 * 3 }
        let one = try widths.map { try PictureCodec.variant(of: Self.photo, width: $0, format: .webp, quality: 75).bytes }
        let many = Parallel.map(widths) { width in (try? PictureCodec.variant(of: Self.photo, width: width, format: .webp, quality: 75).bytes) ?? [] }
        #expect(many == one)
    }
}

extension PictureCodec {
    /// One size of one format: a recipe of one output.
    static func variant(of bytes: [UInt8], width: Int, format: Format, quality: Int) throws(Failure) -> Variant {
        let output = PictureRecipe.Output(format: format, width: width, height: PictureRecipe.unbounded, crop: false, name: "\(width)")
        return try variants(of: bytes, recipe: PictureRecipe(outputs: [output]), quality: quality)[0].1
    }
}
