import ArgumentParser
import VernetztEngine

/// `--help` in German unless `VERNETZT_LANG=en` (it is printed before any site is read).
enum Help {
    static func text(de german: String, en english: String) -> String {
        MessageLanguage.ofHelp == .german ? german : english
    }

    static func argument(de german: String, en english: String) -> ArgumentHelp {
        ArgumentHelp(text(de: german, en: english))
    }
}
