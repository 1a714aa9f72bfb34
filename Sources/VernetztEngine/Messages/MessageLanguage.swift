import Foundation

/// The language vernetzt speaks to a person: the site's (`language` in site.yml), unless
/// `--lang` or `VERNETZT_LANG` says otherwise; German when nothing says anything.
public enum MessageLanguage: String, Sendable, CaseIterable {
    case german = "de"
    case english = "en"

    /// `de`, `de-DE`, `de_DE.UTF-8` → German; `en…` → English; anything else → nil.
    public init?(code: String) {
        let lowered = code.lowercased()
        if lowered.hasPrefix("de") { self = .german } else if lowered.hasPrefix("en") { self = .english } else { return nil }
    }

    /// The first of: the command line's `--lang`, `VERNETZT_LANG`, the site's language.
    public static func resolve(flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                               siteLanguage: String?) -> MessageLanguage {
        for code in [flag, environment["VERNETZT_LANG"], siteLanguage].compactMap({ $0 }) where !code.isEmpty {
            if let language = MessageLanguage(code: code) { return language }
        }
        return .german
    }

    /// For `--help`, which is printed before any site is read: `VERNETZT_LANG`, else German.
    /// Read once: every option's help text asks, each time the parser makes the options, and
    /// each time Foundation copied the whole environment into a dictionary.
    public static let ofHelp = resolve(flag: nil, siteLanguage: nil)
}
