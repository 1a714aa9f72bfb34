import Foundation
import VernetztEngine

/// A YouTube or Vimeo video or an OpenStreetMap map whose address stands alone in a paragraph:
/// shown as a two-click embed. The page holds a placeholder with the title, a German notice
/// that loading sends data to the provider, a button and a plain link; only a click loads the
/// provider's frame (`assets/embed.js`, a few lines). Before it, nothing is requested from the
/// provider; without script, the link is what the reader gets.
public struct MediaEmbed: Sendable, Equatable {
    public enum Provider: Sendable {
        case youtube, vimeo, openStreetMap

        var name: String {
            switch self {
            case .youtube: "YouTube"
            case .vimeo: "Vimeo"
            case .openStreetMap: "OpenStreetMap"
            }
        }

        var company: String {
            switch self {
            case .youtube: "YouTube (Google)"
            case .vimeo: "Vimeo"
            case .openStreetMap: "die OpenStreetMap Foundation"
            }
        }
    }

    public var provider: Provider
    /// The address of the provider's frame (YouTube's without cookies).
    public var frameURL: String
    /// The address as written: the plain link.
    public var pageURL: String
    public var title: String

    /// nil when `url` is none of the addresses vernetzt embeds.
    public init?(url: String, text: String) {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              scheme == "https" || scheme == "http", let host = components.host?.lowercased() else { return nil }
        let path = components.path.split(separator: "/").map(String.init)
        let query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { a, _ in a })
        pageURL = url
        switch host {
        case "youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be":
            let id = host == "youtu.be" ? path.first
                : path.first == "watch" ? query["v"]
                : ["embed", "shorts", "live"].contains(path.first ?? "") && path.count > 1 ? path[1] : nil
            guard let id, id.count == 11, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) else { return nil }
            provider = .youtube
            frameURL = "https://www.youtube-nocookie.com/embed/\(id)?autoplay=1"
        case "vimeo.com", "www.vimeo.com", "player.vimeo.com":
            guard let id = path.last, !id.isEmpty, id.allSatisfy(\.isASCII), id.allSatisfy(\.isNumber) else { return nil }
            provider = .vimeo
            frameURL = "https://player.vimeo.com/video/\(id)?dnt=1&autoplay=1"
        case "openstreetmap.org", "www.openstreetmap.org", "osm.org":
            guard let place = Self.place(query: query, fragment: components.fragment) else { return nil }
            provider = .openStreetMap
            // What the frame shows: about the width of a town district at zoom 15.
            let half = 180 / pow(2, Double(place.zoom)) * 1.2
            let bbox = [place.lon - half, place.lat - half * 0.6, place.lon + half, place.lat + half * 0.6]
                .map { String(format: "%.5f", $0) }.joined(separator: "%2C")
            frameURL = "https://www.openstreetmap.org/export/embed.html?bbox=\(bbox)&layer=mapnik&marker="
                + String(format: "%.5f%%2C%.5f", place.lat, place.lon)
        default:
            return nil
        }
        let spoken = text.trimmingCharacters(in: .whitespaces)
        title = spoken.isEmpty || spoken == url ? (provider == .openStreetMap ? "Karte bei OpenStreetMap" : "Video auf \(provider.name)") : spoken
    }

    /// `#map=15/52.1205/11.6276` or `?mlat=…&mlon=…`.
    private static func place(query: [String: String], fragment: String?) -> (zoom: Int, lat: Double, lon: Double)? {
        var zoom = 15
        var lat = query["mlat"].flatMap(Double.init), lon = query["mlon"].flatMap(Double.init)
        if let fragment, fragment.hasPrefix("map=") {
            let parts = fragment.dropFirst(4).split(separator: "/")
            if parts.count == 3, let z = Int(parts[0]), let a = Double(parts[1]), let o = Double(parts[2]) {
                zoom = min(max(z, 3), 19)
                if lat == nil || lon == nil { (lat, lon) = (a, o) }
            }
        }
        guard let lat, let lon, (-90...90).contains(lat), (-180...180).contains(lon) else { return nil }
        return (zoom, lat, lon)
    }

    /// The placeholder; `assets/embed.js` shows its button (its place is kept while it waits for
    /// the script, so that nothing moves) and puts the frame in on a click.
    public var html: String {
        let what = provider == .openStreetMap ? "Die Karte" : "Das Video"
        let load = provider == .openStreetMap ? "Karte laden" : "Video laden"
        let see = provider == .openStreetMap ? "Karte bei OpenStreetMap öffnen" : "Auf \(provider.name) ansehen"
        let title = HTMLEscaping.attribute(self.title)
        return """
            <figure class="embed" data-embed="\(HTMLEscaping.attribute(frameURL))" data-embed-title="\(title)">
            <p class="embed-title">\(title)</p>
            <p class="embed-notice">\(what) liegt bei \(provider.name). Erst wenn Sie es laden, gehen Daten – darunter Ihre IP-Adresse – an \(provider.company).</p>
            <p class="embed-actions"><button type="button" class="embed-load" data-waiting>\(load)</button> <a href="\(HTMLEscaping.attribute(pageURL))">\(see)</a></p>
            </figure>

            """
    }
}
