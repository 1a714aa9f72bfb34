import Foundation
import VernetztEngine
import VernetztModel
import VernetztCore

/// Answers preview requests from the current snapshot: pretty URLs to `index.html`, the
/// site's 404 page for anything else — paths that try to leave the site included — and, while
/// the build is broken, the errors instead of a stale page.
struct PreviewResponder: Sendable {
    let state: PreviewState
    /// The site's base path (`/` or `/verein/`), which built links start with.
    let basePath: String
    let hosts: HostCheck
    /// The site, whose source lines the error page quotes.
    var root = URL(fileURLWithPath: ".")
    /// The language of the error page and the guide it links to.
    var language = MessageLanguage.german

    /// The answer to `method target` with the `Host` header `host`.
    func respond(method: String, target: String, host: String?) -> PreviewResponse {
        guard hosts.allows(host) else {
            let text = Message.previewWrongHost.text(in: language) + "\n"
            return .bytes(status: 403, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array(text.utf8))
        }
        guard method == "GET" || method == "HEAD" else {
            return .bytes(status: 405, headers: [("Allow", "GET, HEAD")], body: [])
        }
        let path = String(target.prefix { $0 != "?" && $0 != "#" })
        if path == LiveReload.path { return .events }
        if path == HelpPage.path { return .bytes(status: 200, headers: Self.headers(for: "index.html"), body: Array(HelpPage.html.utf8)) }
        let snapshot = state.current
        guard let file = Self.file(for: path, basePath: basePath, in: snapshot.files) else {
            let page = snapshot.files[SitePaths.notFound] ?? Array("<!DOCTYPE html><title>404</title><h1>\(Message.previewNotFound.text(in: language))</h1>".utf8)
            return .bytes(status: 404, headers: Self.headers(for: "404.html"), body: html(page, snapshot))
        }
        if file.redirect {
            return .bytes(status: 301, headers: [("Location", path + "/")], body: [])
        }
        let bytes = snapshot.files[file.path]!
        let body = file.path.hasSuffix(".html") ? html(bytes, snapshot) : bytes
        return .bytes(status: 200, headers: Self.headers(for: file.path), body: body)
    }

    /// The file a URL path names; nil for anything outside the site or not built.
    static func file(for urlPath: String, basePath: String, in files: [String: [UInt8]]) -> (path: String, redirect: Bool)? {
        guard let decoded = urlPath.removingPercentEncoding, decoded.hasPrefix("/"),
              !decoded.contains("\0"), !decoded.contains("\\") else { return nil }
        var inner = Substring(decoded)
        if decoded.hasPrefix(basePath) { inner = decoded.dropFirst(basePath.count) } else { inner = inner.dropFirst() }
        let segments = inner.split(separator: "/", omittingEmptySubsequences: false)
        // `..`, `.` and hidden names never name a file of the site.
        guard !segments.contains(where: { $0 == ".." || $0 == "." || $0.hasPrefix(".") }) else { return nil }
        let relative = String(inner)
        if relative.isEmpty || relative.hasSuffix("/") {
            let index = relative + "index.html"
            return files[index] != nil ? (index, false) : nil
        }
        if files[relative] != nil { return (relative, false) }
        if files[relative + "/index.html"] != nil { return (relative, true) }
        return nil
    }

    /// HTML as served: the reload script added; while the build is broken, the errors instead.
    private func html(_ bytes: [UInt8], _ snapshot: PreviewState.Snapshot) -> [UInt8] {
        guard snapshot.errors.isEmpty else { return Array(ErrorOverlay.page(snapshot.errors, root: root, language: language).utf8) }
        var text = String(decoding: bytes, as: UTF8.self)
        if let end = text.range(of: "</body>", options: .backwards) {
            text.insert(contentsOf: LiveReload.script + "\n", at: end.lowerBound)
        } else {
            text += LiveReload.script
        }
        return Array(text.utf8)
    }

    static func headers(for path: String) -> [(String, String)] {
        [("Content-Type", contentType(path)), ("Cache-Control", "no-store")]
    }

    static func contentType(_ path: String) -> String {
        switch path.split(separator: ".").last.map({ $0.lowercased() }) ?? "" {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "xml": "application/xml; charset=utf-8"
        case "ics": "text/calendar; charset=utf-8"
        case "txt": "text/plain; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "webp": "image/webp"
        case "gif": "image/gif"
        case "pdf": "application/pdf"
        case "woff2": "font/woff2"
        default: "application/octet-stream"
        }
    }
}
