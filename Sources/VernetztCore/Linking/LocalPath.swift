import Foundation
import VernetztEngine

/// Where a path written in the site (`/blog/`, `foto.jpg`, `../x/`) leads in the output.
enum LocalPath {
    /// The output path `path` leads to from a page's folder; nil when it leaves the site.
    static func outputPath(of path: String, from folder: String, basePath: String) -> String? {
        var segments: [Substring]
        if path.hasPrefix("/") {
            guard path.hasPrefix(basePath) || path + "/" == basePath else { return nil }
            segments = []
            let inner = path.dropFirst(basePath.count)
            segments += inner.split(separator: "/", omittingEmptySubsequences: false)
        } else {
            segments = folder.split(separator: "/") + path.split(separator: "/", omittingEmptySubsequences: false)
        }
        guard let resolved = PathSegments.resolved(segments) else { return nil }
        let joined = resolved.joined(separator: "/")
        let trailing = path.hasSuffix("/") || path.isEmpty || path.hasSuffix("/.") ? "/" : ""
        return joined.isEmpty ? "" : joined + trailing
    }

    /// The output file a picture's path names: without query and fragment, percent-decoded.
    static func pictureFile(_ raw: String, from folder: String, basePath: String) -> String? {
        var target = Substring(raw)
        if let cut = target.firstIndex(where: { $0 == "#" || $0 == "?" }) { target = target[..<cut] }
        let decoded = String(target).removingPercentEncoding ?? String(target)
        return outputPath(of: decoded, from: folder, basePath: basePath)
    }
}
