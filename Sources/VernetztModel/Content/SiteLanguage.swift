import Foundation
import VernetztEngine

/// Which language vernetzt speaks to the people working on a site, decided before the site is
/// read: `--lang`, then `VERNETZT_LANG`, then `language` in site.yml (read on its own here, so
/// that a site.yml with other errors still gets its messages in its language), then German.
public enum SiteLanguage {
    public static func messages(root: URL, flag: String?,
                                environment: [String: String] = ProcessInfo.processInfo.environment) -> MessageLanguage {
        MessageLanguage.resolve(flag: flag, environment: environment, siteLanguage: written(root: root))
    }

    /// `language:` in site.yml as written, or nil when there is none or the file is unreadable.
    static func written(root: URL) -> String? {
        guard let bytes = FileBytes.read(root.appendingPathComponent(SiteConfig.path).path),
              let text = String(validating: bytes, as: UTF8.self) else { return nil }
        // Only the top-level line: YAML elsewhere in the file may be broken.
        for line in text.split(separator: "\n") where line.hasPrefix("language:") {
            let value = line.dropFirst("language:".count).split(separator: "#").first ?? ""
            return value.trimmingCharacters(in: CharacterSet(charactersIn: " \t\r\"'"))
        }
        return nil
    }
}
