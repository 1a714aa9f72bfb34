/// A command line swift-argument-parser could not read, told in the language vernetzt speaks.
/// The parser words its report in English only (`Error: …`, `Help: …`, `Usage: …`, `See '…'
/// for more information.`), so its forms (1.8) are read one by one and told again with the
/// catalogue's messages. A form the parser adds later stays as the parser wrote it rather than
/// being guessed at; a test holds every form to what the parser prints.
public struct CommandLineMistake: Sendable {
    /// The parser's whole report (`fullMessage(for:)`) and its first part (`message(for:)`).
    public var report: String
    public var problem: String
    /// The words after the program's name, and the names of its commands.
    public var arguments: [String]
    public var commands: [String]

    public init(report: String, problem: String, arguments: [String], commands: [String]) {
        self.report = report
        self.problem = problem
        self.arguments = arguments
        self.commands = commands
    }

    /// The report in `language`.
    public var text: String { text(in: language) }

    /// `--lang`'s value when it is one, else `VERNETZT_LANG`, else German: the site is not read.
    var language: MessageLanguage {
        var written: String?
        for (index, argument) in arguments.enumerated() {
            if argument == "--lang", index + 1 < arguments.count { written = arguments[index + 1] }
            if argument.hasPrefix("--lang=") { written = String(argument.dropFirst("--lang=".count)) }
        }
        return MessageLanguage.resolve(flag: written, siteLanguage: nil)
    }

    func text(in language: MessageLanguage) -> String {
        let german = language == .german
        // Told before whatever the parser found: it reads `vernetzt serv --port 3` as a build
        // and complains about --port, and its usage lines are the build's.
        if let word = unknownCommand {
            let message = Message.unknownCommand(word, suggestion: NearestMatch.best(for: word, among: commands), commands: commands)
            return (german ? "Fehler: " : "Error: ") + message.text(in: language) + "\n"
                + (german ? "  Mehr dazu: vernetzt --help" : "  See 'vernetzt --help' for more information.")
        }
        let opening = "Error: " + problem
        guard report.hasPrefix(opening) else { return report }
        let told = message.map { $0.text(in: language) } ?? problem
        var lines = [(german ? "Fehler: " : "Error: ") + told]
        for line in report.dropFirst(opening.count).split(separator: "\n", omittingEmptySubsequences: false).dropFirst() {
            if let rest = line.dropping(prefix: "Help: ") {
                lines.append((german ? "Hilfe: " : "Help: ") + rest)
            } else if let rest = line.dropping(prefix: "Usage: ") {
                lines.append((german ? "Aufruf: " : "Usage: ") + rest)
            } else if german, let command = line.dropping(prefix: "  See '")?.dropping(suffix: "' for more information.") {
                lines.append("  Mehr dazu: " + command)
            } else {
                lines.append(String(line))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The catalogue's message for the parser's problem; nil for a form not known here (and
    /// for the messages vernetzt's own checks give, which are the catalogue's already).
    var message: Message? {
        let text = Substring(problem)
        if let rest = text.dropping(prefix: "Unknown option '") {
            if let range = rest.range(of: "'. Did you mean '", options: .backwards), let suggestion = rest[range.upperBound...].dropping(suffix: "'?") {
                return .unknownOption(String(rest[..<range.lowerBound]), suggestion: String(suggestion))
            }
            return rest.dropping(suffix: "'").map { .unknownOption(String($0), suggestion: nil) }
        }
        if let option = text.dropping(prefix: "Missing value for '")?.dropping(suffix: "'") {
            return .optionWithoutValue(String(option))
        }
        if let argument = text.dropping(prefix: "Unexpected argument '")?.dropping(suffix: "'") {
            return .unexpectedArguments([String(argument)])
        }
        if let range = text.range(of: " unexpected arguments: '"), Int(text[..<range.lowerBound]) != nil,
           let list = text[range.upperBound...].dropping(suffix: "'") {
            return .unexpectedArguments(list.components(separatedBy: "', '"))
        }
        if let argument = text.dropping(prefix: "Missing expected argument '")?.dropping(suffix: "'") {
            return .missingArgument(String(argument))
        }
        if let rest = text.dropping(prefix: "The value '"), let range = rest.range(of: "' is invalid for '", options: .backwards),
           let option = rest[range.upperBound...].dropping(suffix: "'") {
            return .invalidOptionValue(String(rest[..<range.lowerBound]), option: String(option))
        }
        if let rest = text.dropping(prefix: "The option '")?.dropping(suffix: "' was specified."),
           let range = rest.range(of: "' does not take any value, but '") {
            return .switchWithValue(String(rest[..<range.lowerBound]), value: String(rest[range.upperBound...]))
        }
        return nil
    }

    /// The first word when it is neither an option nor a command (`vernetzt biuld`): the
    /// default command, build, takes no words of its own.
    private var unknownCommand: String? {
        guard let first = arguments.first, !first.hasPrefix("-"), !commands.contains(first), first != "help" else { return nil }
        return first
    }
}

private extension Substring {
    func dropping(prefix: String) -> Substring? {
        hasPrefix(prefix) ? dropFirst(prefix.count) : nil
    }

    func dropping(suffix: String) -> Substring? {
        hasSuffix(suffix) ? dropLast(suffix.count) : nil
    }
}
