import Foundation
import Vapor

/// The fields of a posted form body (`application/x-www-form-urlencoded`) in the order sent, each
/// with its raw `name=value` text and both halves decoded. Read here once for `FormMemory` (what
/// was typed) and `typedForm` (amounts rewritten before decoding).
struct PostedForm {
    struct Field {
        /// `name=value` as sent, for passing a field on untouched.
        let pair: Substring
        let rawName: Substring
        let name: String
        /// Nil when the field has no `=`.
        let value: String?
    }

    let fields: [Field]

    /// Nil for uploads and JSON.
    init?(_ request: Request) {
        guard request.headers.contentType == .urlEncodedForm,
            let body = request.body.data.map({ String(buffer: $0) })
        else { return nil }
        fields = body.split(separator: "&", omittingEmptySubsequences: false).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return Field(
                pair: pair, rawName: parts[0], name: Self.decoded(parts[0]) ?? "",
                value: parts.count > 1 ? Self.decoded(parts[1]) : nil)
        }
    }

    private static func decoded(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
