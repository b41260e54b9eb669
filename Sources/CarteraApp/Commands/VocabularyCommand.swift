import Vapor

/// `CARTERA_AUTO_MIGRATE=false cartera vocabulary --log error > tools/vocabulary.json`: the API's
/// enums as the code defines them, for `tools/openapi.py` to write into the OpenAPI document. (The
/// flags keep boot and migration logs out of the output; the command reads no database.)
struct VocabularyCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Prints every enum the API exposes, with its values, as JSON." }

    func run(using context: CommandContext, signature: Signature) async throws {
        context.console.output(try APIVocabulary.json().consoleText(), newLine: false)
    }
}
