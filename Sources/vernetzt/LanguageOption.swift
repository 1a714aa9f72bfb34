import ArgumentParser
import VernetztEngine

/// `--lang de|en`, shared by every command that speaks to people.
enum LanguageOption {
    static let help = ArgumentHelp(Help.text(de: "Die Sprache der Meldungen: de oder en (Vorgabe: VERNETZT_LANG, sonst die Sprache der Website).", en: "The language of messages: de or en (default: VERNETZT_LANG, else the site's language)."), valueName: "de|en")

    static func validate(_ written: String?) throws {
        if let written, MessageLanguage(code: written) == nil {
            throw ValidationError(Message.unknownLanguage(written).text(in: .ofHelp))
        }
    }
}
