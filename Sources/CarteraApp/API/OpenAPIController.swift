import Vapor

/// Serves the OpenAPI 3.1 contract (`Resources/openapi.json`). A test keeps it equal to the routes.
struct OpenAPIController {
    func document(req: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(data: try OpenAPIDocument.data()))
        response.headers.contentType = .json
        return response
    }
}

enum OpenAPIDocument {
    static func data() throws -> Data {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json", subdirectory: "Resources")
        else {
            throw Abort(.internalServerError, reason: "openapi.json missing from the bundle")
        }
        return try Data(contentsOf: url)
    }
}
