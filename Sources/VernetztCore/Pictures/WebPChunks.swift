/// Takes the EXIF and XMP chunks out of a WebP file. libvips 8.14's WebP saver writes an EXIF
/// chunk of its own even when told to strip (resolution and orientation, no camera data), and a
/// published picture carries no metadata at all: the RIFF container is simple enough to clean.
enum WebPChunks {
    static func withoutMetadata(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count >= 30, bytes[0..<4].elementsEqual("RIFF".utf8), bytes[8..<12].elementsEqual("WEBP".utf8),
              bytes[12..<16].elementsEqual("VP8X".utf8) else { return bytes }  // a simple WebP has no metadata
        var out = Array(bytes[0..<12])
        var offset = 12
        while offset + 8 <= bytes.count {
            let size = Int(bytes[offset + 4]) | Int(bytes[offset + 5]) << 8 | Int(bytes[offset + 6]) << 16 | Int(bytes[offset + 7]) << 24
            let end = min(bytes.count, offset + 8 + size + (size & 1))  // chunks are padded to even sizes
            let name = bytes[offset..<offset + 4]
            if !name.elementsEqual("EXIF".utf8) && !name.elementsEqual("XMP ".utf8) {
                var chunk = Array(bytes[offset..<end])
                // The extended header's flags say which chunks follow: EXIF is bit 3, XMP bit 2.
                if name.elementsEqual("VP8X".utf8), chunk.count > 8 { chunk[8] &= ~UInt8(0b1100) }
                out += chunk
            }
            offset = end
        }
        let riffSize = UInt32(out.count - 8)
        for k in 0..<4 { out[4 + k] = UInt8(truncatingIfNeeded: riffSize >> (8 * UInt32(k))) }
        return out
    }
}
