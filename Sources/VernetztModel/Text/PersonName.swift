import VernetztEngine

/// How a person's name sorts in German lists: by family name, then given names. Titles before
/// the name (words ending in a dot: `Prof.`, `Dr.`, `Dipl.-Ing.`, `h.c.`) and after a comma
/// (`, M.Sc.`) are skipped, and the last word left is the family name: „Prof. Thomas Leich“
/// sorts as „Leich Thomas“, under L.
package enum PersonName {
    package static func sortName(_ name: String) -> String {
        let beforeComma = name.split(separator: ",", maxSplits: 1).first.map(String.init) ?? name
        var words = beforeComma.split(whereSeparator: \.isWhitespace)
        while words.count > 1, let first = words.first, isTitle(first) { words.removeFirst() }
        guard words.count > 1, let family = words.last else { return words.joined(separator: " ") }
        return ([family] + words.dropLast()).joined(separator: " ")
    }

    private static func isTitle(_ word: Substring) -> Bool {
        word.hasSuffix(".") || ["Prof", "Dr", "Professor", "Professorin"].contains(word)
    }
}
