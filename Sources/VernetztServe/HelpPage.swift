import VernetztCore
import VernetztEngine
import VernetztModel

/// The guide's section on messages, served by the preview so that the error page can link to
/// each message's explanation without a network.
enum HelpPage {
    static let path = "/__vernetzt/hilfe"

    /// German, like the guide it is taken from; made at the first request, then kept.
    static let html: String = {
        let parsed = MarkdownParser(allowsRawHTML: false).parse(MessageGuide.markdown(), path: "hilfe", firstLine: 1)
        let body = String(decoding: parsed.body.htmlOfPlainText, as: UTF8.self)
        return """
            <!DOCTYPE html>
            <html lang="de">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Meldungen von vernetzt</title>
            <style>
            body { margin: 0; font: 1rem/1.6 system-ui, sans-serif; color: #1b1f24; background: #fff; }
            main { max-width: 48rem; margin: 0 auto; padding: 2rem 1rem; }
            code, pre { font-family: ui-monospace, monospace; background: #f2f4f6; }
            pre { padding: 0.75rem 1rem; overflow-x: auto; white-space: pre-wrap; }
            h3 { margin-top: 2rem; font-size: 1.05rem; }
            :target { outline: 3px solid #0b6bcb; outline-offset: 4px; }
            </style>
            </head>
            <body><main>
            <h1>Meldungen von vernetzt</h1>
            \(body)
            </main></body>
            </html>
            """
    }()
}
