import Foundation
import VernetztEngine
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Files published as they are, served from the site's own origin: an SVG with a script, an
/// event handler or a `javascript:` address runs in the site's name when opened, and so does an
/// HTML file beside a page. Both are refused, with the line where it is possible.
package enum PublishedFileCheck {
    package static func diagnostics(_ sources: SiteSources) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for file in sources.contentAssets {
            let lowered = file.path.lowercased()
            if [".html", ".htm", ".xhtml", ".shtml"].contains(where: lowered.hasSuffix) {
                found.append(.error(SourceLocation(path: file.path), .htmlBesidePage))
            }
        }
        for file in sources.contentAssets + sources.staticFiles + sources.layoutAssets where file.path.lowercased().hasSuffix(".svg") {
            if let problem = SVGScan(file.bytes).problem {
                found.append(.error(SourceLocation(path: file.path, line: problem.line, column: problem.column),
                                    .unsafeSVG(problem.what)))
            }
        }
        return found
    }
}

/// Reads an SVG with Foundation's XML parser (libxml2; no external entities) and stops at the
/// first thing that can run code.
private final class SVGScan: NSObject, XMLParserDelegate {
    var problem: (what: Message.SVGProblem, line: Int, column: Int)?
    private let parser: XMLParser

    init(_ bytes: [UInt8]) {
        parser = XMLParser(data: Data(bytes))
        super.init()
        parser.shouldResolveExternalEntities = false
        parser.delegate = self
        if !parser.parse(), problem == nil {
            problem = (.notXML(parser.parserError?.localizedDescription ?? "unreadable"), max(parser.lineNumber, 1), max(parser.columnNumber, 1))
        }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        let local = (name.split(separator: ":").last.map(String.init) ?? name).lowercased()
        if ["script", "foreignobject", "iframe", "embed", "object", "handler"].contains(local) {
            stop(.element(name))
            return
        }
        for (key, value) in attributes.sorted(by: { $0.key < $1.key }) {
            let attribute = (key.split(separator: ":").last.map(String.init) ?? key).lowercased()
            let squeezed = String(value.unicodeScalars.filter { $0.value > 0x20 }).lowercased()
            if attribute.hasPrefix("on") {
                stop(.handler(key))
                return
            }
            if squeezed.contains("javascript:") || squeezed.contains("vbscript:") || squeezed.hasPrefix("data:text/html") {
                stop(.scriptAddress(key))
                return
            }
            // A picture, font or style from another host tells that host who looks at the logo.
            if (attribute == "href" || attribute == "src") && Self.isOutside(squeezed)
                || attribute == "style" && Self.loadsFromOutside(squeezed) {
                stop(.outsideAddress(String(value.prefix(60))))
                return
            }
        }
        inStyle = local == "style"
    }

    func parser(_ parser: XMLParser, foundCharacters text: String) {
        if inStyle, Self.loadsFromOutside(String(text.unicodeScalars.filter { $0.value > 0x20 }).lowercased()) {
            stop(.outsideStyle)
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        inStyle = false
    }

    private var inStyle = false

    private static func isOutside(_ url: String) -> Bool {
        url.hasPrefix("http:") || url.hasPrefix("https:") || url.hasPrefix("//") || url.hasPrefix("ftp:")
    }

    /// `@import` or a `url(…)` with an address elsewhere, in CSS squeezed of spaces.
    private static func loadsFromOutside(_ css: String) -> Bool {
        if css.contains("@import") { return true }
        var rest = Substring(css)
        while let start = rest.range(of: "url(") {
            rest = rest[start.upperBound...]
            if isOutside(String(rest.drop { $0 == "\"" || $0 == "'" })) { return true }
        }
        return false
    }

    private func stop(_ what: Message.SVGProblem) {
        problem = (what, max(parser.lineNumber, 1), max(parser.columnNumber, 1))
        parser.abortParsing()
    }
}
