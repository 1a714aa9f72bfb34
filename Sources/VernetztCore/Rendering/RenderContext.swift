import VernetztEngine
import VernetztModel

/// What every page of one build is made with: the linked site, its view models, the page
/// frame and structured data, the feeds, the layouts, and the cache with its keys. A class:
/// thousands of page jobs share one.
final class RenderContext: Sendable {
    let site: Site
    let models: ViewModelBuilder
    let frame: PageFrame
    let structured: StructuredData
    let feeds: SiteFeeds
    let layouts: LayoutLibrary
    let cache: RenderCache?
    let keys: Fingerprints

    init(site: Site, models: ViewModelBuilder, frame: PageFrame, structured: StructuredData, feeds: SiteFeeds,
         layouts: LayoutLibrary, cache: RenderCache?, keys: Fingerprints) {
        self.site = site
        self.models = models
        self.frame = frame
        self.structured = structured
        self.feeds = feeds
        self.layouts = layouts
        self.cache = cache
        self.keys = keys
    }
}
