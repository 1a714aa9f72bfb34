import VernetztModel

/// A picture published as it is (the original beside its processed sizes, for a link to it)
/// loses its metadata without being decoded: EXIF with the GPS position, XMP, IPTC, comments
/// and text chunks are cut out of the container, the picture data stays byte for byte. Colour
/// profiles stay, so that the colours do not change.
enum CleanCopy {
    /// The file without metadata; nil when it cannot be cleaned as it is — not well-formed, or
    /// turned by its EXIF (orientation 2–8: without the EXIF it would show turned) — and has to
    /// be encoded anew, upright.
    static func withoutMetadata(_ bytes: [UInt8], type: PictureType) -> [UInt8]? {
        switch type {
        case .jpeg: jpeg(bytes)
        case .png: png(bytes)
        case .webp: WebPChunks.withoutMetadata(bytes)
        case .gif: gif(bytes)
        case .tiff, .heif, .avif, .svg: nil
        }
    }

    // MARK: JPEG

    /// Segments kept: JFIF (APP0), ICC profile (APP2 `ICC_PROFILE`), Adobe (APP14, says how CMYK
    /// is stored), and everything that is not an application or comment segment.
    private static func jpeg(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count > 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { return nil }
        var out: [UInt8] = [0xFF, 0xD8]
        var offset = 2
        while offset + 4 <= bytes.count {
            guard bytes[offset] == 0xFF else { return nil }
            let marker = bytes[offset + 1]
            if marker == 0xFF { offset += 1; continue }  // fill byte
            let length = Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
            let end = offset + 2 + length
            guard length >= 2, end <= bytes.count else { return nil }
            let segment = bytes[offset..<end]
            if marker == 0xDA {  // start of scan: the rest is picture data
                out += bytes[offset...]
                return out
            }
            if marker == 0xE1, let orientation = exifOrientation(bytes[(offset + 4)..<end]), orientation != 1 { return nil }
            if keepsJPEGSegment(marker, segment.dropFirst(4)) { out += segment }
            offset = end
        }
        return nil
    }

    private static func keepsJPEGSegment(_ marker: UInt8, _ payload: ArraySlice<UInt8>) -> Bool {
        switch marker {
        case 0xE0, 0xEE: true
        case 0xE2: payload.starts(with: "ICC_PROFILE".utf8)
        case 0xE1...0xEF, 0xFE: false
        default: true
        }
    }

    /// The orientation tag (0x0112) of IFD0 in an `Exif\0\0` payload.
    static func exifOrientation(_ payload: ArraySlice<UInt8>) -> Int? {
        guard payload.starts(with: Array("Exif".utf8) + [0, 0]) else { return nil }
        let tiff = Array(payload.dropFirst(6))
        guard tiff.count >= 8 else { return nil }
        let little = tiff[0] == 0x49
        func number(_ at: Int, _ size: Int) -> Int? {
            guard at >= 0, at + size <= tiff.count else { return nil }
            var value = 0
            for k in 0..<size { value |= Int(tiff[at + k]) << (8 * (little ? k : size - 1 - k)) }
            return value
        }
        guard let ifd = number(4, 4), let count = number(ifd, 2) else { return nil }
        for entry in 0..<min(count, 512) {
            let at = ifd + 2 + entry * 12
            guard let tag = number(at, 2) else { return nil }
            if tag == 0x0112 { return number(at + 8, 2) }
        }
        return nil
    }

    // MARK: PNG

    private static let droppedPNGChunks: Set<String> = ["tEXt", "zTXt", "iTXt", "eXIf", "tIME"]

    private static func png(_ bytes: [UInt8]) -> [UInt8]? {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard bytes.starts(with: signature) else { return nil }
        var out = signature
        var offset = 8
        while offset + 12 <= bytes.count {
            let length = Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
            let end = offset + 12 + length
            guard end <= bytes.count else { return nil }
            let name = String(decoding: bytes[(offset + 4)..<(offset + 8)], as: UTF8.self)
            if !droppedPNGChunks.contains(name) { out += bytes[offset..<end] }
            offset = end
            if name == "IEND" { return out }
        }
        return nil
    }

    // MARK: GIF

    /// Application blocks kept: the loop count of an animation; comments and XMP go.
    private static let keptGIFApplications = ["NETSCAPE2.0", "ANIMEXTS1.0"]

    private static func gif(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= 13, bytes.starts(with: "GIF8".utf8) else { return nil }
        var offset = 13
        if bytes[10] & 0x80 != 0 { offset += 3 << (Int(bytes[10] & 7) + 1) }  // global colour table
        guard offset <= bytes.count else { return nil }
        var out = Array(bytes[0..<offset])
        /// The end of the data sub-blocks starting at `at`.
        func subBlocksEnd(_ at: Int) -> Int? {
            var at = at
            while at < bytes.count {
                let size = Int(bytes[at])
                at += 1 + size
                if size == 0 { return at <= bytes.count ? at : nil }
            }
            return nil
        }
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x3B:
                out.append(0x3B)
                return out
            case 0x21:
                guard offset + 2 < bytes.count, let end = subBlocksEnd(offset + 2) else { return nil }
                let label = bytes[offset + 1]
                let application = offset + 14 <= bytes.count ? String(decoding: bytes[(offset + 3)..<(offset + 14)], as: UTF8.self) : ""
                let kept = label == 0xF9 || label == 0x01 || (label == 0xFF && keptGIFApplications.contains(application))
                if kept { out += bytes[offset..<end] }
                offset = end
            case 0x2C:
                guard offset + 10 < bytes.count else { return nil }
                var start = offset + 10
                if bytes[offset + 9] & 0x80 != 0 { start += 3 << (Int(bytes[offset + 9] & 7) + 1) }  // local colour table
                guard let end = subBlocksEnd(start + 1) else { return nil }  // after the LZW code size
                out += bytes[offset..<end]
                offset = end
            default:
                return nil
            }
        }
        return nil
    }
}
