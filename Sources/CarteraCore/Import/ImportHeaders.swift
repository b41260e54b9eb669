import Foundation

/// The header words Cartera recognises for each field, in Spanish and English, compared after
/// `normalised` (no case, no accents, punctuation as spaces): "Nº Factura", "N° factura" and
/// "No. factura" all become "no factura". The generic layout's own names
/// ("invoice_number" → "invoice number") are always recognised.
enum ImportHeaders {
    static let synonyms: [ImportField: [String]] = [
        .customerCode: [
            "customer code", "customer id", "customer no", "customer number", "customer ref", "account", "account no",
            "account number", "external id", "codigo", "codigo cliente", "cod cliente", "id cliente", "cliente id",
            "numero cliente", "no cliente", "nro cliente", "n cliente",
        ],
        .customerName: [
            "customer", "customer name", "customer full name", "display name", "company", "company name", "contact",
            "contact name",
            "cliente", "nombre cliente", "razon social", "empresa", "nombre", "name", "deudor",
        ],
        .taxID: [
            "tax id", "tax number", "tax id number", "vat", "vat number", "ein", "abn", "nit", "rut", "rfc", "ruc",
            "cuit",
            "nif", "cif", "identificacion", "numero identificacion", "no identificacion", "documento", "cedula",
        ],
        .email: ["email", "e mail", "email address", "mail", "correo", "correo electronico", "e mail address"],
        .phone: ["phone", "phone number", "telephone", "mobile", "tel", "telefono", "celular", "movil"],
        .currency: ["currency", "currency code", "moneda", "divisa"],
        .creditLimit: [
            "credit limit", "limite credito", "limite de credito", "cupo", "cupo credito", "cupo de credito",
        ],
        .paymentTerms: [
            "payment terms", "terms", "payment terms days", "terms days", "plazo", "plazo dias", "dias credito",
            "dias de credito", "dias plazo", "condiciones de pago", "condicion de pago", "terminos de pago",
        ],
        .contactName: [
            "contact name", "contact", "name", "full name", "nombre", "nombre contacto", "contacto",
            "persona de contacto",
        ],
        .role: ["role", "title", "position", "job title", "rol", "cargo", "puesto"],
        .invoiceNumber: [
            "invoice number", "invoice no", "invoice", "num", "number", "no", "doc number", "document number",
            "factura", "numero factura", "numero de factura", "no factura", "nro factura", "n factura", "folio",
            "numero documento", "documento",
        ],
        .issueDate: [
            "date", "invoice date", "issue date", "txn date", "transaction date", "fecha", "fecha factura",
            "fecha de factura", "fecha emision", "fecha de emision", "fecha expedicion", "fecha documento",
        ],
        .dueDate: [
            "due date", "vencimiento", "fecha vencimiento", "fecha de vencimiento", "vence", "fecha limite de pago",
        ],
        .amount: [
            "amount", "total", "invoice total", "invoice amount", "original amount", "amount paid", "payment amount",
            "importe", "monto", "valor", "valor total", "total factura", "importe pagado", "monto pagado",
            "valor pagado",
            "pago", "abono",
        ],
        .openBalance: [
            "open balance", "balance", "balance due", "amount due", "due", "outstanding", "saldo", "saldo pendiente",
            "saldo abierto", "pendiente", "por cobrar",
        ],
        .paidDate: ["paid date", "date paid", "payment date", "date", "fecha pago", "fecha de pago", "fecha"],
        .reference: ["reference", "ref", "invoice reference", "payment reference", "memo", "referencia", "concepto"],
        .transactionType: ["transaction type", "type", "document type", "tipo", "tipo documento", "tipo de documento"],
    ]

    /// Normalised header word → field, for the kind's fields in the kind's order: the first field to
    /// list a word gets it.
    static func recognised(for kind: ImportKind) -> [String: ImportField] {
        var table: [String: ImportField] = [:]
        for field in kind.fields {
            for word in [normalised(field.rawValue)] + (synonyms[field] ?? []) where table[word] == nil {
                table[word] = field
            }
        }
        return table
    }

    /// "  Fecha de Vencimiento* " → "fecha de vencimiento"; "Invoice #" → "invoice"; Xero's
    /// "EmailAddress" → "email address".
    static func normalised(_ header: String) -> String {
        var words = ""
        var previous: Character?
        for character in header {
            if character.isUppercase, let previous, previous.isLowercase { words.append(" ") }
            // The ordinal and degree signs of "Nº"/"N°" are an "o" ("número").
            words.append(character == "º" || character == "°" ? "o" : character)
            previous = character
        }
        let folded = words.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        let spaced = String(
            folded.unicodeScalars.map { scalar -> Character in
                CharacterSet.alphanumerics.contains(scalar) ? Character(scalar) : " "
            })
        return spaced.split(separator: " ").joined(separator: " ")
    }
}
