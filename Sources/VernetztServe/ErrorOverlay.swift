import Foundation
import VernetztEngine
import VernetztModel
import VernetztCore

/// The page the preview shows while the build is broken: every error as the terminal shows it —
/// file, line and message, the source line and a caret under the column — over the whole
/// window, reloading by itself once the file is fixed. Each error links to its section of
/// the guide, which the preview serves itself (`MessageGuide`).
enum ErrorOverlay {
    static func page(_ errors: [Diagnostic], root: URL, language: MessageLanguage) -> String {
        var printer = DiagnosticPrinter(root: root, pathPrefix: "", colors: false, language: language)
        let help = Message.overlayHelpLink.text(in: language)
        let items = errors.map { error in
            // The message wraps like text; the source line and its caret keep their columns.
            "<li><p>\(escape(printer.headline(error)))</p>" + (printer.excerpt(error).map { "<pre>\(escape($0))</pre>" } ?? "")
                + "<a href=\"\(HelpPage.path)#\(MessageGuide.anchor(of: error.text.id))\">\(escape(help))</a></li>"
        }.joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(Message.overlayTitle.text(in: language)))</title>
            <style>
            body { margin: 0; font: 1rem/1.5 system-ui, sans-serif; background: #1b1f24; color: #f2f5f7; }
            main { max-width: 60rem; margin: 0 auto; padding: 2rem 1rem; }
            h1 { color: #ffb4a8; font-size: 1.5rem; }
            ul { padding: 0; list-style: none; }
            li { margin: 1rem 0; padding: 0.75rem 1rem; background: #262b31; }
            li p { margin: 0 0 0.5rem; font: 0.9375rem/1.5 ui-monospace, monospace; overflow-wrap: anywhere; }
            a { color: #9ecbff; }
            pre { margin: 0 0 0.5rem; overflow-x: auto; color: #f2f5f7;
                  font: 0.9375rem/1.5 ui-monospace, monospace; white-space: pre; }
            </style>
            </head>
            <body>
            <main id="vernetzt-fehler">
            <h1>\(escape(Message.overlayTitle.text(in: language)))</h1>
            <p>\(escape(Message.overlayLead(errors: errors.count).text(in: language)))</p>
            <ul>
            \(items)
            </ul>
            </main>
            \(LiveReload.script)
            </body>
            </html>
            """
    }

    static func escape(_ text: String) -> String {
        HTMLEscaping.attribute(text)
    }
}
