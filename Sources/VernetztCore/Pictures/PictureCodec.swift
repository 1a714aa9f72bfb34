import CVipsShim
import Foundation
import VernetztEngine
import VernetztModel

/// Decodes a picture (JPEG, PNG, WebP, GIF, TIFF, HEIC — what Debian's libvips reads), turns it
/// upright by its EXIF orientation, converts it to sRGB, scales it down (never up) and encodes it
/// without any of its metadata: the GPS position a phone writes into a photo never reaches the
/// site. Safe to use from several threads at once (libvips is; its operation cache is off).
enum PictureCodec {
    /// More pixels than a 100-megapixel camera makes: a decompression bomb, refused unread.
    static let largestPixelCount = 100_000_000

    enum Format: String, Sendable {
        case webp, jpeg, png
    }

    /// One encoded variant of a picture.
    struct Variant: Sendable {
        var format: Format
        var width: Int
        var height: Int
        var bytes: [UInt8]
    }

    /// Why a picture cannot be used, for the editor.
    struct Failure: Error, Sendable {
        var reason: String
    }

    /// libvips, started once for the process.
    private static let started: Bool = vernetzt_vips_start() == 0

    /// The width and height the header gives, without decoding.
    static func size(of bytes: [UInt8]) throws(Failure) -> (width: Int, height: Int) {
        guard started else { throw Failure(reason: "libvips is not installed (on Debian: apt-get install libvips42)") }
        var width: Int32 = 0, height: Int32 = 0
        let status = bytes.withUnsafeBytes { vernetzt_vips_size($0.baseAddress, $0.count, &width, &height) }
        guard status == 0 else { throw Failure(reason: "not a picture vernetzt can read (\(lastError()))") }
        return (Int(width), Int(height))
    }

    /// The picture at most `width` pixels wide (never wider than it is), encoded as `format`.
    static func variant(of bytes: [UInt8], width: Int, format: Format, quality: Int) throws(Failure) -> Variant {
        let size = try size(of: bytes)
        guard size.width * size.height <= largestPixelCount else {
            throw Failure(reason: "\(size.width)×\(size.height) pixels is more than \(largestPixelCount / 1_000_000) megapixels")
        }
        var image: OpaquePointer?
        let status = bytes.withUnsafeBytes { vernetzt_vips_fit($0.baseAddress, $0.count, Int32(width), &image) }
        guard status == 0, let image else { throw Failure(reason: "the picture cannot be decoded (\(lastError()))") }
        defer { vernetzt_vips_release(image) }
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        let saved = switch format {
        case .webp: vernetzt_vips_webp(image, Int32(quality), &buffer, &length)
        case .jpeg: vernetzt_vips_jpeg(image, Int32(quality), &buffer, &length)
        case .png: vernetzt_vips_png(image, &buffer, &length)
        }
        guard saved == 0, let buffer else { throw Failure(reason: "the picture cannot be encoded (\(lastError()))") }
        defer { vernetzt_vips_free(buffer) }
        let encoded = Array(UnsafeRawBufferPointer(start: buffer, count: length))
        return Variant(format: format, width: Int(vernetzt_vips_width(image)), height: Int(vernetzt_vips_height(image)),
                       bytes: format == .webp ? WebPChunks.withoutMetadata(encoded) : encoded)
    }

    private static func lastError() -> String {
        guard let text = vernetzt_vips_error() else { return "" }
        defer { vernetzt_vips_free(text) }
        return String(cString: text).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
