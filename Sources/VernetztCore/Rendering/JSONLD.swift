import Foundation

/// Serialises schema.org data for a `<script type="application/ld+json">` element: keys sorted
/// (deterministic output), and `<`, `>`, `&` and the JavaScript line separators escaped, so that
/// no value — a title with `</script>` in it, say — can end the script element.
enum JSONLD {
    static func script(_ object: [String: Any]) -> String {
        var root = object
        root["@context"] = "https://schema.org"
        guard let data = try? JSONSerialization.data(withJSONObject: root, options: [.sortedKeys, .withoutEscapingSlashes]),
              let json = String(data: data, encoding: .utf8) else { return "" }
        var escaped = ""
        escaped.reserveCapacity(json.utf8.count)
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": escaped += "\\u003c"
            case ">": escaped += "\\u003e"
            case "&": escaped += "\\u0026"
            case "\u{2028}": escaped += "\\u2028"
            case "\u{2029}": escaped += "\\u2029"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return "<script type=\"application/ld+json\">\(escaped)</script>"
    }
}
