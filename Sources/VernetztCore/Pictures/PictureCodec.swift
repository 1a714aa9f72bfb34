import CVipsShim
import Foundation
import VernetztEngine
import VernetztModel

/// Decodes a picture (JPEG, PNG, WebP, GIF, TIFF, HEIC — what Debian's libvips reads), turns it
/// upright by its EXIF orientation, converts it to sRGB, scales it down (never up), cuts it
/// where a recipe asks, and encodes it without any of its metadata: the GPS position a phone
/// writes into a photo never reaches the site. Safe to use from several threads at once: libvips
/// is, its operation cache is off, and this reads no libvips error text (libvips keeps one
/// error buffer for the whole process, which threads would read each other's messages from).
enum PictureCodec {
    /// More pixels than a 100-megapixel camera makes: a decompression bomb, refused unread.
    static let largestPixelCount = 100_000_000

    enum Format: String, Sendable {
        case webp, jpeg, png

        var fileExtension: String { self == .jpeg ? "jpg" : rawValue }
        var mimeType: String { "image/" + rawValue }
    }

    /// One encoded size of a picture.
    struct Variant: Sendable {
        var format: Format
        var width: Int
        var height: Int
        var bytes: [UInt8]
    }

    /// Why a picture cannot be used, for the editor.
    struct Failure: Error, Sendable, Equatable {
        var reason: Message
    }

    /// libvips, started once for the process.
    private static let started: Bool = vernetzt_vips_start() == 0

    /// The libvips version, part of the picture cache's key: the name of the library file the
    /// system links `libvips.so.42` to (`libvips.so.42.16.1`), read without loading it — a build
    /// whose pictures are all in the cache never starts libvips (about 90 libraries, 30 ms).
    static let libraryVersion: String = {
        for folder in ["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib", "/usr/local/lib"] {
            if let real = realpath(folder + "/libvips.so.42", nil) {
                defer { free(real) }
                return String(cString: real).split(separator: "/").last.map(String.init) ?? ""
            }
        }
        return started ? String(cString: vernetzt_vips_version()) : ""
    }()

    /// The width and height the header gives, without decoding.
    static func size(of bytes: [UInt8]) throws(Failure) -> (width: Int, height: Int) {
        guard started else { throw Failure(reason: .libvipsMissing) }
        var width: Int32 = 0, height: Int32 = 0
        let status = bytes.withUnsafeBytes { vernetzt_vips_size($0.baseAddress, $0.count, &width, &height) }
        guard status == 0 else {
            clearError()
            throw Failure(reason: .pictureUnreadable)
        }
        return (Int(width), Int(height))
    }

    /// The sizes `recipe` asks for, from one decoding of the picture, each with the output it
    /// answers; an output that would come out like an earlier one (a picture narrower than
    /// the ladder's upper widths) is left out.
    static func variants(of bytes: [UInt8], recipe: PictureRecipe, quality: Int) throws(Failure) -> [(PictureRecipe.Output, Variant)] {
        let size = try size(of: bytes)
        guard size.width * size.height <= largestPixelCount else {
            throw Failure(reason: .pictureTooLarge(width: Int(size.width), height: Int(size.height), megapixels: Int(largestPixelCount / 1_000_000)))
        }
        let load = recipe.loadBox
        var loaded: OpaquePointer?
        let status = bytes.withUnsafeBytes {
            vernetzt_vips_load($0.baseAddress, $0.count, Int32(load.width), Int32(load.height), load.crop ? 1 : 0,
                               recipe.enlarges ? 1 : 0, &loaded)
        }
        guard status == 0, let loaded else {
            clearError()
            throw Failure(reason: .pictureDamaged)
        }
        defer { vernetzt_vips_release(loaded) }
        var variants: [(PictureRecipe.Output, Variant)] = []
        var made = Set<String>()
        let loadedWidth = Int(vernetzt_vips_width(loaded))
        let loadedHeight = Int(vernetzt_vips_height(loaded))
        for output in recipe.outputs {
            // A cut is never enlarged either: a picture smaller than the box is cut to its shape.
            var box = (width: output.width, height: output.height)
            if output.crop {
                let scale = min(1, Double(loadedWidth) / Double(output.width), Double(loadedHeight) / Double(output.height))
                box = (max(1, Int((Double(output.width) * scale).rounded())), max(1, Int((Double(output.height) * scale).rounded())))
            }
            guard made.insert("\(output.format)/\(output.crop)/\(box.height)/\(min(box.width, loadedWidth))").inserted else { continue }
            var image = loaded
            var resized: OpaquePointer?
            let fits = output.crop ? (box.width == loadedWidth && box.height == loadedHeight) : box.width >= loadedWidth
            if !fits {
                guard vernetzt_vips_resize(loaded, Int32(box.width), Int32(box.height), output.crop ? 1 : 0, &resized) == 0,
                      let resized else {
                    clearError()
                    throw Failure(reason: .pictureDamaged)
                }
                image = resized
            }
            defer { if let resized { vernetzt_vips_release(resized) } }
            let format = output.format == .png && vernetzt_vips_has_alpha(image) == 0 && output.fallback ? .jpeg : output.format
            variants.append((output, try encode(image, as: format, quality: quality)))
        }
        return variants
    }

    private static func encode(_ image: OpaquePointer, as format: Format, quality: Int) throws(Failure) -> Variant {
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        let saved = switch format {
        case .webp: vernetzt_vips_webp(image, Int32(quality), &buffer, &length)
        case .jpeg: vernetzt_vips_jpeg(image, Int32(quality), &buffer, &length)
        case .png: vernetzt_vips_png(image, &buffer, &length)
        }
        guard saved == 0, let buffer else {
            clearError()
            throw Failure(reason: .pictureNotEncodable(format.rawValue.uppercased()))
        }
        defer { vernetzt_vips_free(buffer) }
        let encoded = Array(UnsafeRawBufferPointer(start: buffer, count: length))
        return Variant(format: format, width: Int(vernetzt_vips_width(image)), height: Int(vernetzt_vips_height(image)),
                       bytes: format == .webp ? WebPChunks.withoutMetadata(encoded) : encoded)
    }

    /// Empties libvips' error buffer, which would otherwise grow with every damaged picture.
    fileprivate static func clearError() {
        if let text = vernetzt_vips_error() { vernetzt_vips_free(text) }
    }
}

extension PictureCodec {
    /// A published original that cannot be cleaned as it is (turned by its EXIF, or not
    /// well-formed): encoded anew at full size, upright, without metadata, in its own format.
    static func upright(_ bytes: [UInt8], type: PictureType) -> [UInt8]? {
        guard let size = try? size(of: bytes), size.width * size.height <= largestPixelCount else { return nil }
        let format: Format
        switch type {
        case .png: format = .png
        case .webp: format = .webp
        case .jpeg: format = .jpeg
        default: return nil  // an animation would lose its frames
        }
        // Turned by 90°, the picture is as wide as it was high: a box that wide holds either.
        let recipe = PictureRecipe(outputs: [.init(format: format, width: max(size.width, size.height),
                                                   height: PictureRecipe.unbounded, crop: false, name: "full")])
        return try? variants(of: bytes, recipe: recipe, quality: 90).first?.1.bytes
    }
}

extension PictureCodec {
    /// The colours of a drawn card: the default theme's header bar (`--bar`, `--bar-text`,
    /// `--bar-link` in style.css).
    static let cardBackground = [11.0, 61, 85], cardText = [255.0, 255, 255], cardAccent = [214.0, 236, 245]

    /// A 1200×630 JPEG with the site's name, the page's title and its kind, drawn by libvips
    /// and Pango (DejaVu Sans, from Debian) — no browser, no outside service.
    static func card(site: String, title: String, kind: String) throws(Failure) -> [UInt8] {
        guard started else { throw Failure(reason: .libvipsMissing) }
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        let status = cardBackground.withUnsafeBufferPointer { background in
            cardText.withUnsafeBufferPointer { text in
                cardAccent.withUnsafeBufferPointer { accent in
                    vernetzt_vips_card(markup(site), markup(title), markup(kind), background.baseAddress, text.baseAddress,
                                       accent.baseAddress, &buffer, &length)
                }
            }
        }
        guard status == 0, let buffer else {
            clearError()
            throw Failure(reason: .cardNotDrawn)
        }
        defer { vernetzt_vips_free(buffer) }
        return Array(UnsafeRawBufferPointer(start: buffer, count: length))
    }

    /// Text for Pango, which reads markup: `&`, `<` and `>` as entities.
    static func markup(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(character)
            }
        }
        return out
    }
}
