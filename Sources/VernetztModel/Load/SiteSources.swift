import VernetztEngine

/// Everything a build reads, gathered once by the load stage; nothing later touches the disk.
public struct SiteSources: Sendable {
    /// `site.yml`, or nil when the root has none.
    public var config: SourceFile?
    /// Markdown files under `content/`.
    public var content: [SourceFile]
    /// Other files under `content/` (images beside bundle `index.md` files).
    public var contentAssets: [SourceFile]
    /// `*.mustache` files under the layouts folder; paths relative to the site root
    /// (or absolute when the layouts folder lies outside it).
    public var layouts: [SourceFile]
    /// The layouts folder as named in paths (`layouts`), to name templates relative to it.
    public var layoutsPrefix: String
    /// Files under `layouts/assets/`, copied to `/assets/`.
    public var layoutAssets: [SourceFile]
    /// `layouts/schema.yml`: the site's kinds and fields beyond the built-in ones.
    public var schema: SourceFile?
    /// Files under `static/`, copied to the output root.
    public var staticFiles: [SourceFile]
    /// `layouts/new/<folder>.md`, the templates of `vernetzt new`: a published item that still
    /// holds their sample text is told so.
    public var newTemplates: [SourceFile] = []

    /// The files copied as they are: theme assets, static files, the files beside bundles.
    public var copiedFiles: [SourceFile] { layoutAssets + staticFiles + contentAssets }

    public init(config: SourceFile?, content: [SourceFile], contentAssets: [SourceFile] = [],
                layouts: [SourceFile], layoutsPrefix: String = "layouts",
                layoutAssets: [SourceFile] = [], staticFiles: [SourceFile] = [], schema: SourceFile? = nil) {
        self.config = config
        self.content = content
        self.contentAssets = contentAssets
        self.layouts = layouts
        self.layoutsPrefix = layoutsPrefix
        self.layoutAssets = layoutAssets
        self.staticFiles = staticFiles
        self.schema = schema
    }
}
