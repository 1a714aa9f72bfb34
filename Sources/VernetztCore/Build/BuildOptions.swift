import Foundation
import VernetztEngine
import VernetztModel

/// What `build` and `check` are asked to do.
public struct BuildOptions: Sendable {
    public var root: URL
    /// Where the site goes; nil means `<root>/output`.
    public var output: URL?
    /// The layouts folder; nil means `<root>/layouts`.
    public var layouts: URL?
    public var includeDrafts: Bool
    /// Items whose `date` lies after `now` (scheduled).
    public var includeFuture = false
    /// Items whose `expires` has passed.
    public var includeExpired = false
    /// False for `check`: everything is done but nothing is written.
    public var writesOutput: Bool
    /// The moment that divides upcoming from past events.
    public var now: Date
    /// Write into a non-empty output folder that vernetzt did not make.
    public var force = false
    /// Told what the build is doing, for a progress line on a terminal.
    public var progress: (@Sendable (Message) -> Void)?
    /// The language people are told things in (`serve`'s error page); the CLI prints the rest.
    public var language = MessageLanguage.german
    /// False leaves the search index out even where `site.yml` asks for it (`--no-search`).
    public var buildsSearchIndex = true
    /// The process ends right after this build (the command line's `build` and `check`): the
    /// site is then left to the exit, not freed object by object (see `LeftToExit`).
    public var endsProcess = false
    /// Finds Pagefind for sites with `search: true` (tests replace it).
    public var locateSearch: @Sendable () -> SearchIndexer? = { SearchIndexer.locate() }

    public init(root: URL, output: URL? = nil, layouts: URL? = nil, includeDrafts: Bool = false,
                writesOutput: Bool = true, now: Date = BuildOptions.defaultNow()) {
        self.root = root
        self.output = output
        self.layouts = layouts
        self.includeDrafts = includeDrafts
        self.writesOutput = writesOutput
        self.now = now
    }

    /// Why `SOURCE_DATE_EPOCH` cannot be used, or nil when it is unset or a number of seconds.
    public static func sourceDateEpochProblem(environment: [String: String] = ProcessInfo.processInfo.environment) -> Message? {
        guard let value = environment["SOURCE_DATE_EPOCH"] else { return nil }
        guard let seconds = Int(value), seconds >= 0 else {
            return .sourceDateEpoch(TerminalText.escaped(value))
        }
        return nil
    }

    /// `SOURCE_DATE_EPOCH` when set (the reproducible-builds convention), else the clock.
    public static func defaultNow(environment: [String: String] = ProcessInfo.processInfo.environment) -> Date {
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init) {
            return Date(timeIntervalSince1970: epoch)
        }
        return Date()
    }

    /// Reads `--now 2022-07-01T00:00:00+02:00` (or a plain date, taken in UTC).
    public static func parseNow(_ text: String) -> Date? {
        DateParser(timeZone: TimeZone(identifier: "UTC")!).parse(text)?.instant
    }

    public var outputFolder: URL { output ?? root.appendingPathComponent("output") }

    /// Where the sizes made of pictures are kept between builds; nil means `<root>/.cache/bilder`.
    public var pictureCache: URL?

    public var pictureCacheFolder: URL { pictureCache ?? root.appendingPathComponent(".cache/bilder") }

    /// Keep what this build parsed and wrote for the next one, and reuse what the last one
    /// kept (`BuildState`): the command line's `build` and `check`, unless `--no-cache`.
    public var keepsState = false

    /// Do everything anew, not reusing the last build's state (`--no-cache`); it is still kept.
    public var ignoresLastState = false

    /// Which vernetzt makes the build (`ProgramStamp`): a state kept by another is not reused.
    public var program = ProgramStamp.current

    /// Where that state is kept; nil means `<root>/.cache/vernetzt`.
    public var stateFolder: URL?

    public var stateFolderURL: URL { stateFolder ?? root.appendingPathComponent(".cache/vernetzt") }

    public var visibility: Visibility {
        Visibility(drafts: includeDrafts, future: includeFuture, expired: includeExpired, now: now)
    }
}
