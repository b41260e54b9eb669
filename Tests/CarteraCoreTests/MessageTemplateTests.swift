import Testing

@testable import CarteraCore

@Suite struct MessageTemplateTests {
    @Test func rendersVariablesAndListsEscapingHTML() throws {
        let template = try MessageTemplate(
            "Hola {{contact_name}}: {{#invoices}}[{{number}} {{amount}}]{{/invoices}}{{^invoices}}nada{{/invoices}} — {{customer_name}}"
        )
        let values: [String: TemplateValue] = [
            "contact_name": .text("María <script>"),
            "customer_name": .text("Gómez & Hijos"),
            "invoices": .list([
                ["number": .text("FE-1"), "amount": .text("$ 1.000,00")],
                ["number": .text("FE-2"), "amount": .text("$ 5,00")],
            ]),
        ]
        #expect(
            template.render(values, escapingHTML: true)
                == "Hola María &lt;script&gt;: [FE-1 $ 1.000,00][FE-2 $ 5,00] — Gómez &amp; Hijos")
        #expect(
            template.render(values, escapingHTML: false)
                == "Hola María <script>: [FE-1 $ 1.000,00][FE-2 $ 5,00] — Gómez & Hijos")
        #expect(template.render(["invoices": .list([])], escapingHTML: false) == "Hola : nada — ")
        #expect(
            template.variableNames == [
                "contact_name", "customer_name", "invoices", "invoices.number", "invoices.amount",
            ])
    }

    @Test func validationNamesUnknownVariablesAndBrokenSyntax() throws {
        let template = try MessageTemplate("{{nombre}}")
        #expect { try template.validate(allowed: ["customer_name"], field: "body") } throws: {
            ($0 as? DomainError)?.code == "unknown_variable" && ($0 as? DomainError)?.field == "body"
        }
        for broken in ["{{name", "{{#list}}x", "x{{/list}}", "{{#a}}{{/b}}", "{{ bad name }}", "{{}}"] {
            #expect { try MessageTemplate(broken) } throws: { ($0 as? DomainError)?.code == "invalid_template" }
        }
    }
}

@Suite struct MessageTemplateScopeTests {
    @Test func namesInsideListsMayBeRowFieldsOrOuterNamesAndConditionsOpenNoScope() throws {
        let allowed: Set<String> = ["customer_name", "invoices", "invoices.number", "invoices.days_overdue"]
        try MessageTemplate(
            "{{#invoices}}{{number}} {{customer_name}}{{#days_overdue}}({{days_overdue}}){{/days_overdue}}{{/invoices}}"
        )
        .validate(allowed: allowed, field: "body")
        #expect { try MessageTemplate("{{number}}").validate(allowed: allowed, field: "body") } throws: {
            ($0 as? DomainError)?.code == "unknown_variable"
        }
        #expect {
            try MessageTemplate("{{#invoices}}{{nope}}{{/invoices}}").validate(allowed: allowed, field: "subject")
        } throws: {
            ($0 as? DomainError)?.field == "subject"
        }
    }
}
