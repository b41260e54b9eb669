import Leaf
import LeafKit
import Vapor

/// `#t("worklist.title")` in a template: the text in the page's language (`layout.lang`), from
/// `Resources/Locales`. Extra parameters fill `{1}`, `{2}`…; the output is HTML-escaped by Leaf.
struct TranslateTag: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let key = ctx.parameters.first?.string else { throw LeafError(.unknownError("#t needs a key")) }
        let language = ctx.data["layout"]?.dictionary?["lang"]?.string ?? "es"
        let localizer = (ctx.userInfo["application"] as? Application)?.localizer
        var text = localizer?.text("ui.\(key)", language: language) ?? key
        for (index, parameter) in ctx.parameters.dropFirst().enumerated() {
            text = text.replacingOccurrences(of: "{\(index + 1)}", with: parameter.string ?? "")
        }
        return .string(text)
    }
}
