import Foundation

/// `--help` as swift-argument-parser prints it, with the parser's own words in German: the
/// commands' and options' texts are German already (`Help.text`), but the headings, the line
/// for `--help` itself and the defaults come from the parser in English only. Its forms (1.8)
/// are replaced one by one; a form a later version words differently stays English, and a
/// test holds the German help to having none of them.
public enum CommandLineHelp {
    /// The parser's help text in `language` (English: as the parser wrote it).
    public static func text(_ help: String, in language: MessageLanguage) -> String {
        guard language == .german else { return help }
        var text = help
        for (english, german) in phrases {
            text = text.replacingOccurrences(of: english, with: german)
        }
        return text
    }

    /// What the parser writes, and the same in German (as long where the columns depend on it);
    /// the headings with what begins and ends their line.
    static let phrases: [(String, String)] = [
        ("OVERVIEW: ", "ÜBERBLICK: "),
        ("USAGE: ", "AUFRUF: "),
        ("\nARGUMENTS:\n", "\nANGABEN:\n"),
        ("\nOPTIONS:\n", "\nOPTIONEN:\n"),
        ("\nSUBCOMMANDS:\n", "\nBEFEHLE:\n"),
        ("Show help information.", "Zeigt diese Hilfe."),
        ("Show the version.", "Zeigt, welche Version von vernetzt das ist."),
        (" (default)", " (Vorgabe)"),
        ("(default: ", "(Vorgabe: "),
        ("<subcommand>' for detailed help.", "<befehl>"),
        ("  See '", "  Die Hilfe zu einem Befehl: "),
        ("<subcommand>", "<befehl>"),
    ]
}
