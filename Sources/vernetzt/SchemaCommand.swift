import ArgumentParser
import VernetztCore
import VernetztEngine
import VernetztModel
import VernetztServe

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: Help.text(de: "Zeigt das eingebaute Schema: die Arten von Inhalten und ihre Felder.", en: "Print the built-in schema: the kinds of content and their fields."),
        discussion: Help.text(de: "Eine Website ändert oder ergänzt es mit layouts/schema.yml, genauso geschrieben: nur was anders oder neu ist.", en: "A site changes or extends it with layouts/schema.yml, written the same way: only what differs or is new."))

    func run() {
        print(BuiltInSchema.text)
    }
}
