/// A command line that cannot be read: what swift-argument-parser finds, worded by vernetzt
/// (`CommandLineMistake` reads the parser's English). Options and values are quoted as written.
extension Message {
    /// `suggestion`: the parser's nearest option, if any.
    public static func unknownOption(_ option: String, suggestion: String?) -> Message {
        let meant = meant(suggestion)
        return Message("aufruf-option-unbekannt",
                       de: "Die Option „\(option)“ gibt es nicht\(meant.de)",
                       en: "Unknown option '\(option)'" + (suggestion.map { ". Did you mean '\($0)'?" } ?? ""))
    }

    /// `option`: as the usage line shows it, `--output <output>`.
    public static func optionWithoutValue(_ option: String) -> Message {
        Message("aufruf-wert-fehlt",
                de: "Nach „\(option)“ fehlt der Wert",
                en: "Missing value for '\(option)'")
    }

    public static func unexpectedArguments(_ arguments: [String]) -> Message {
        Message("aufruf-argument-unerwartet",
                de: "Mit \(germanChoices(arguments, conjunction: "und")) kann der Befehl nichts anfangen",
                en: arguments.count == 1 ? "Unexpected argument '\(arguments[0])'"
                    : "\(arguments.count) unexpected arguments: " + arguments.map { "'\($0)'" }.joined(separator: ", "))
    }

    /// A first word that names no command (`vernetzt serv`); `suggestion`: the command it is
    /// nearly the name of, else the commands there are are listed.
    public static func unknownCommand(_ word: String, suggestion: String?, commands: [String]) -> Message {
        Message("aufruf-befehl-unbekannt",
                de: "Den Befehl „\(word)“ gibt es nicht" + (suggestion.map { " (meinten Sie „\($0)“?)" }
                    ?? ": vernetzt kennt " + germanChoices(commands, conjunction: "und")),
                en: "Unknown command '\(word)'" + (suggestion.map { " (did you mean '\($0)'?)" }
                    ?? ": vernetzt has " + commands.map { "'\($0)'" }.joined(separator: ", ")))
    }

    /// `argument`: as the usage line shows it, `<title>`.
    public static func missingArgument(_ argument: String) -> Message {
        Message("aufruf-argument-fehlt",
                de: "Es fehlt die Angabe \(argument)",
                en: "Missing expected argument '\(argument)'")
    }

    public static func invalidOptionValue(_ value: String, option: String) -> Message {
        Message("aufruf-wert-ungueltig",
                de: "„\(value)“ passt nicht zu „\(option)“",
                en: "The value '\(value)' is invalid for '\(option)'")
    }

    public static func switchWithValue(_ option: String, value: String) -> Message {
        Message("aufruf-schalter-mit-wert",
                de: "„\(option)“ ist ein Schalter und nimmt keinen Wert, auch nicht „\(value)“",
                en: "The option '\(option)' does not take any value, but '\(value)' was specified.")
    }
}
