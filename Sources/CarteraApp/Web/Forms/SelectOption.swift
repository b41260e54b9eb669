/// One choice of a select (or a filter) on a page: what is posted, what the reader sees, and
/// whether it is the current one. Every page's options are this one shape.
struct SelectOption: Encodable {
    let value: String
    let label: String
    var selected = false
}
