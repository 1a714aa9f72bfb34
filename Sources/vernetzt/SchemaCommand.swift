import ArgumentParser
import VernetztCore
import VernetztEngine
import VernetztModel
import VernetztServe

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the built-in schema: the kinds of content and their fields.",
        discussion: "A site changes or extends it with layouts/schema.yml, written the same way: only what differs or is new.")

    func run() {
        print(BuiltInSchema.text)
    }
}
