import Foundation
import Testing
@testable import VernetztCore
@testable import VernetztEngine
@testable import VernetztModel

/// The pictures editors really bring, made in the tests' fixtures: a photo in each of the
/// eight EXIF orientations (a 64×48 picture of four coloured quarters, stored turned or
/// mirrored and marked so), a HEIC with a GPS position, a CMYK JPEG, a PNG with transparency,
/// an animated GIF, a 1×1 PNG — and damaged files and a decompression bomb made from them.
@Suite struct PictureCasesTests {
    static func fixture(_ name: String) -> [UInt8] {
        [UInt8](FileManager.default.contents(atPath: TestPictures.fixtures.appendingPathComponent(name).path) ?? Data())
    }

    static func png(_ bytes: [UInt8], width: Int = 64) throws -> PictureCodec.Variant {
        try PictureCodec.variant(of: bytes, width: width, format: .png, quality: 90)
    }

    /// The colours at the centres of a PNG's four quarters (top left, top right, bottom left,
    /// bottom right), decoded by Python's zlib.
    static func quarters(_ png: [UInt8]) throws -> [[Int]] {
        let file = try ScratchFolder.path("quarters").appendingPathExtension("png")
        try Data(png).write(to: file)
        let script = """
            import sys, zlib, struct
            data = open(sys.argv[1], 'rb').read()
            pos, idat, w, h, bands = 8, b'', 0, 0, 3
            while pos < len(data):
                n, kind = struct.unpack('>I4s', data[pos:pos + 8]); body = data[pos + 8:pos + 8 + n]; pos += 12 + n
                if kind == b'IHDR': w, h, depth, colour = struct.unpack('>IIBB', body[:10]); bands = {2: 3, 6: 4, 0: 1, 4: 2}[colour]
                if kind == b'IDAT': idat += body
            raw, rows, prev, i = zlib.decompress(idat), [], [0] * (w * bands), 0
            for y in range(h):
                f = raw[i]; line = list(raw[i + 1:i + 1 + w * bands]); i += 1 + w * bands
                for x in range(len(line)):
                    a = line[x - bands] if x >= bands else 0; b = prev[x]; c = prev[x - bands] if x >= bands else 0
                    p = a + b - c; pr = a if abs(p - a) <= abs(p - b) and abs(p - a) <= abs(p - c) else (b if abs(p - b) <= abs(p - c) else c)
                    line[x] = (line[x] + [0, a, b, (a + b) // 2, pr][f]) & 255
                rows.append(line); prev = line
            for y, x in [(h // 4, w // 4), (h // 4, 3 * w // 4), (3 * h // 4, w // 4), (3 * h // 4, 3 * w // 4)]:
                print(*rows[y][x * bands:x * bands + 3])
            """
        let run = try CommandLineRun(python: script, arguments: [file.path])
        return run.stdout.split(separator: "\n").map { $0.split(separator: " ").compactMap { Int($0) } }
    }

    static let red = [220, 30, 30], green = [30, 180, 40], blue = [30, 40, 220], white = [250, 250, 250]

    static func near(_ a: [Int], _ b: [Int], by tolerance: Int = 60) -> Bool {
        a.count == 3 && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance }
    }

    /// Each orientation comes out upright: red top left, green top right, blue bottom left (JPEG
    /// blurs colours where they meet: a tolerance, far below the distance between them).
    @Test(arguments: 1...8) func everyExifOrientationComesOutUpright(orientation: Int) throws {
        let made = try Self.png(Self.fixture("orientation-\(orientation).jpg"))
        #expect(made.width == 64 && made.height == 48, "\(made.width)×\(made.height)")
        let colours = try Self.quarters(made.bytes)
        #expect(colours.count == 4)
        guard colours.count == 4 else { return }
        #expect(Self.near(colours[0], Self.red) && Self.near(colours[1], Self.green) && Self.near(colours[2], Self.blue)
                && Self.near(colours[3], Self.white), "\(colours)")
    }

    @Test func heicIsReadAndItsGPSPositionIsNotWritten() throws {
        let heic = Self.fixture("photo.heic")
        #expect(heic.firstRange(of: Array("Testkamera".utf8)) != nil)
        for format in [PictureCodec.Format.webp, .jpeg, .png] {
            let made = try PictureCodec.variant(of: heic, width: 32, format: format, quality: 80)
            #expect(made.width == 32 && made.height == 24)
            #expect(made.bytes.firstRange(of: Array("Exif".utf8)) == nil && made.bytes.firstRange(of: Array("Testkamera".utf8)) == nil)
        }
        #expect(try Self.near(Self.quarters(Self.png(heic).bytes)[0], Self.red))
    }

    @Test func aCMYKJPEGComesOutInRGB() throws {
        let made = try Self.png(Self.fixture("cmyk.jpg"))
        let colours = try Self.quarters(made.bytes)
        // The printer's colours are not the screen's: the quarters keep their hue.
        #expect(colours.count == 4 && colours[0][0] > colours[0][2] + 60 && colours[2][2] > colours[2][0] + 60, "\(colours)")
    }

    @Test func transparencyStaysAndItsFallbackIsAPNG() throws {
        let recipe = PictureRecipe.recipe(for: .field(.photo), card: false)
        let made = try PictureCodec.variants(of: Self.fixture("alpha.png"), recipe: recipe, quality: 80)
        let fallback = try #require(made.first { $0.0.fallback })
        #expect(fallback.1.format == .png)
        // A photo without transparency falls back to JPEG.
        let photo = try PictureCodec.variants(of: Self.fixture("orientation-1.jpg"), recipe: recipe, quality: 80)
        #expect(photo.first { $0.0.fallback }?.1.format == .jpeg)
    }

    @Test func anAnimatedGIFGivesItsFirstFrame() throws {
        let made = try Self.png(Self.fixture("animated.gif"))
        #expect(made.width == 64 && made.height == 48)
        #expect(try Self.near(Self.quarters(made.bytes)[0], Self.red))
    }

    @Test func aTinyPictureIsNeverEnlarged() throws {
        let recipe = PictureRecipe.recipe(for: .field(.photo), card: true)
        let made = try PictureCodec.variants(of: Self.fixture("tiny.png"), recipe: recipe, quality: 80)
        #expect(made.allSatisfy { $0.1.width == 1 && $0.1.height == 1 })
        // The ladder's four widths would all be 1 pixel: one file of each format is made.
        #expect(made.filter { $0.1.format == .webp }.count == 1)
    }

    @Test func damagedFilesAndBombsAreRefusedWithAReason() throws {
        let photo = Self.fixture("orientation-1.jpg")
        #expect(throws: PictureCodec.Failure.self) { try Self.png(Array(photo.prefix(300))) }
        #expect(throws: PictureCodec.Failure.self) { try Self.png(Array("GIF89a kaputt".utf8)) }
        // The frame header says 20000×20000: refused before a pixel is decoded.
        var bomb = photo
        let frame = try #require(bomb.indices.first { bomb[$0] == 0xFF && bomb[$0 + 1] == 0xC0 })
        bomb[frame + 5] = 0x4E; bomb[frame + 6] = 0x20; bomb[frame + 7] = 0x4E; bomb[frame + 8] = 0x20
        do {
            _ = try PictureCodec.variant(of: bomb, width: 64, format: .png, quality: 90)
            Issue.record("a 400-megapixel picture was decoded")
        } catch {
            #expect(error.reason.english.contains("20000×20000") && error.reason.english.contains("100 megapixels"), "\(error.reason.english)")
        }
    }
}

@Suite struct SVGSizeTests {
    @Test func theRootElementSaysHowLargeTheDrawingIs() {
        func size(_ svg: String) -> [Int]? { SVGSize.of(Array(svg.utf8)).map { [$0.width, $0.height] } }
        #expect(size("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"60\">") == [200, 60])
        #expect(size("<?xml version=\"1.0\"?>\n<svg width='120px' height='40px' viewBox='0 0 12 4'>") == [120, 40])
        #expect(size("<svg viewBox=\"0 0 96.4 48\" width=\"100%\">") == [96, 48])
        #expect(size("<svg width=\"10em\" height=\"5em\">") == nil)
        #expect(size("kein SVG") == nil)
    }
}

/// A picture is known by its file's extension, in any case; a dot in a folder's name is none.
@Suite struct PictureTypeTests {
    @Test func picturesAreKnownByTheirExtension() {
        let cases: [(String, PictureType?)] = [
            ("content/blog/a/Foto.JPG", .jpeg), ("x.jpe", .jpeg), ("x.JpEg", .jpeg), ("bild.Png", .png), ("x.webp", .webp),
            ("x.GIF", .gif), ("scan.tif", .tiff), ("scan.TIFF", .tiff), ("iphone.HEIC", .heif), ("x.avif", .avif),
            ("logo.svg", .svg), ("ordner.png/datei", nil), ("a.b/c", nil), ("ohne", nil), ("x.", nil), ("x.jpeg2", nil),
            ("x.pngx", nil), ("tabelle.csv", nil), ("ä.pñg", nil), (".png", .png),
        ]
        for (path, type) in cases { #expect(PictureType(path: path) == type, "\(path)") }
    }
}
