import VernetztEngine

/// A published item that still holds the sample text of its `vernetzt new` template („Worum es
/// geht, für wen, Ablauf.“): easy to overlook once `draft: true` is gone, so it is a warning.
package struct TemplateTextCheck: Sendable {
    /// Per content folder, the sample sentences of its template's body.
    private let samples: [String: [[UInt8]]]

    package init(templates: [SourceFile], layoutsPrefix: String) {
        var samples: [String: [[UInt8]]] = [:]
        for template in templates {
            let folder = String(template.path.dropFirst(layoutsPrefix.count + "/new/".count).dropLast(".md".count))
            let text = String(decoding: template.bytes, as: UTF8.self)
            // The body: after the front matter's closing line.
            let parts = text.components(separatedBy: "\n---\n")
            guard parts.count >= 2 else { continue }
            samples[folder] = parts.dropFirst().joined(separator: "\n---\n").split(separator: "\n").compactMap { line in
                // The words before the first Markdown sign, as they stand in the rendered page.
                let words = line.prefix { !"`[*_<{#".contains($0) }.trimmingCharacters(in: .whitespaces)
                return words.count >= 12 ? Array(HTMLEscaping.attribute(words).utf8) : nil
            }
        }
        self.samples = samples
    }

    /// A warning for a published document whose body holds a sample sentence.
    package func diagnostic(for document: Document) -> Diagnostic? {
        guard !document.common.draft, let sentences = samples[document.kind.folder] else { return nil }
        let html = document.body.htmlOfPlainText
        guard let found = sentences.first(where: { ByteSearch.firstIndex(of: $0, in: html) != nil }) else { return nil }
        return .warning(SourceLocation(path: document.path),
                        .templateSample(String(decoding: found, as: UTF8.self)))
    }
}
