/// The paths the layouts link to — navigation, the forms in the top bar, the static assets —
/// passed to every page as `layout.links` so `base.leaf` and `portal.leaf` spell none out.
struct LayoutLinks: Encodable {
    let home = AppURL.home
    let worklist = AppURL.worklist
    let customers = AppURL.customers
    let newCustomer = AppURL.customerNew
    let newInvoice = AppURL.invoiceNew
    let search = AppURL.search
    let messages = AppURL.messages
    let outgoing = AppURL.outgoing
    let letters = AppURL.letters
    let tasks = AppURL.tasks
    let reconciliation = AppURL.reconciliation
    let forecast = AppURL.forecast
    let reports = AppURL.reports
    let imports = AppURL.imports
    let audit = AppURL.audit
    let settings = AppURL.settings
    let policies = AppURL.policies
    let templates = AppURL.templates
    let account = AppURL.accountPassword
    let language = AppURL.language
    let signOut = AppURL.signOut
    let stylesheet = AppURL.static("app.css")
    let script = AppURL.static("app.js")
}
