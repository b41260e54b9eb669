import CarteraCore
import Foundation

extension TemplatePage {
    struct Context: Encodable {
        struct Variable: Encodable {
            let written: String
            let meaning: String
            let inRow: Bool
        }
        struct Language: Encodable {
            let label: String
            let url: String
            let current: Bool
        }

        let title: String
        let language: String
        let channel: String
        let customized: Bool
        let hasSubject: Bool
        let subject: String
        let body: String
        let subjectError: String?
        let bodyError: String?
        let customers: [PageOption]
        let previewSubject: String?
        let previewText: String?
        let previewLanguage: String
        let variables: [Variable]
        let languages: [Language]
        let saveURL: String
        let previewURL: String
        let resetURL: String
        let listURL = AppURL.templates

        init(data: TemplatePageData, format: PageFormat, errorText: (ServiceError, String) -> String) {
            title = PolicyWords.template(data.key, format)
            language = format.text("language.\(data.language)")
            channel = PolicyWords.channel(data.channel, format)
            customized = data.effective?.customized ?? false
            hasSubject = data.channel != .sms
            subject = data.subject
            body = data.body
            subjectError = data.errors["subject"] ?? data.previewErrors["subject"].map { errorText($0, "subject") }
            bodyError = data.errors["body"] ?? data.previewErrors["body"].map { errorText($0, "body") }
            customers = data.customers.compactMap { customer in
                customer.id.map {
                    PageOption(value: $0.uuidString, label: customer.legalName, selected: $0 == data.customerID)
                }
            }
            previewSubject = data.preview?.subject
            previewText = data.preview?.text
            previewLanguage = data.language
            variables = TemplateVariable.allCases.map {
                Variable(written: $0.written, meaning: format.text($0.meaningKey), inRow: $0.nameInRow != nil)
            }
            languages = Localizer.supportedLanguages.map { language in
                Language(
                    label: format.text("language.\(language)"),
                    url: AppURL.template(data.key, language: language, channel: data.channel),
                    current: language == data.language)
            }
            saveURL = AppURL.template(data.key, language: data.language, channel: data.channel)
            previewURL = AppURL.templatePreview(data.key, language: data.language, channel: data.channel)
            resetURL = AppURL.templateReset(data.key, language: data.language, channel: data.channel)
        }
    }
}

extension TemplatesPage {
    struct Context: Encodable {
        struct Kind: Encodable {
            let title: String
            let rows: [Row]
        }
        struct Row: Encodable {
            let language: String
            /// The text's own language, so it is read (and checked) as such.
            let languageCode: String
            let channel: String
            let subject: String
            let customized: Bool
            let url: String
        }
        let kinds: [Kind]
        let policiesURL = AppURL.policies

        init(data: TemplatesPageData, format: PageFormat) {
            kinds = TemplateKey.allCases.map { key in
                Kind(
                    title: PolicyWords.template(key, format),
                    rows: data.templates.filter { $0.key == key.rawValue }.map { template in
                        let subject = template.source.subject.isEmpty ? template.source.body : template.source.subject
                        return Row(
                            language: format.text("language.\(template.language)"),
                            languageCode: template.language,
                            channel: PolicyWords.channel(template.channel, format),
                            subject: String(subject.prefix(90)), customized: template.customized,
                            url: AppURL.template(key, language: template.language, channel: template.channel))
                    })
            }
        }
    }
}
