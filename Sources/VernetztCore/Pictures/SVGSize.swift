import Foundation

/// The size an SVG declares on its root element — `width` and `height` in pixels, else its
/// `viewBox` — read from the text: a page showing a logo need not start libvips for it.
enum SVGSize {
    static func of(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
        let text = String(decoding: bytes.prefix(4096), as: UTF8.self)
        guard let start = text.range(of: "<svg"), let end = text[start.upperBound...].firstIndex(of: ">") else { return nil }
        let tag = text[start.upperBound..<end]
        func attribute(_ name: String) -> String? {
            for quote in ["\"", "'"] {
                if let at = tag.range(of: " \(name)=\(quote)"), let close = tag[at.upperBound...].firstIndex(of: Character(quote)) {
                    return String(tag[at.upperBound..<close])
                }
            }
            return nil
        }
        func pixels(_ value: String?) -> Double? {
            guard var value = value?.trimmingCharacters(in: .whitespaces) else { return nil }
            if value.hasSuffix("px") { value.removeLast(2) }
            return Double(value).flatMap { $0 > 0 ? $0 : nil }
        }
        if let width = pixels(attribute("width")), let height = pixels(attribute("height")) {
            return (Int(width.rounded()), Int(height.rounded()))
        }
        let box = (attribute("viewBox") ?? "").split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
        guard box.count == 4, box[2] > 0, box[3] > 0 else { return nil }
        return (Int(box[2].rounded()), Int(box[3].rounded()))
    }
}
