import Vapor

struct TemplateController {
    func list(req: Request) async throws -> [MessageTemplateDTO] {
        try await TemplateService.list(in: try await req.serviceContext()).map(MessageTemplateDTO.init)
    }

    func save(req: Request) async throws -> MessageTemplateDTO {
        let input = try req.decodeBody(MessageTemplateInput.self)
        let (key, language, channel) = try TemplateService.identity(
            key: req.parameters.get("key"), language: req.parameters.get("language"),
            channel: req.parameters.get("channel"))
        return MessageTemplateDTO(
            try await TemplateService.save(
                key: key, language: language, channel: channel, input, in: try await req.serviceContext()))
    }

    func reset(req: Request) async throws -> HTTPStatus {
        let (key, language, channel) = try TemplateService.identity(
            key: req.parameters.get("key"), language: req.parameters.get("language"),
            channel: req.parameters.get("channel"))
        try await TemplateService.reset(
            key: key, language: language, channel: channel, in: try await req.serviceContext())
        return .noContent
    }

    func preview(req: Request) async throws -> TemplatePreviewDTO {
        let input = try req.decodeBody(TemplatePreviewInput.self)
        return TemplatePreviewDTO(try await TemplateService.preview(input, in: try await req.serviceContext()))
    }
}
