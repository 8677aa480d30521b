import Fluent
import Vapor
import JixiaoDomain

/// Every `/api/v1` operation. Pages and API share the services; only decoding and rendering differ.
enum APIRoutes {
    /// Every operation: this document's own and those of each capability.
    static var endpoints: [APIEndpoint] { [openAPI] + Capabilities.apiEndpoints }

    static let openAPI = APIEndpoint(method: .GET, path: ["openapi.json"], operationID: "getOpenAPI", summary: "This OpenAPI document",
                    tag: "meta", requiresToken: false, handler: { req in try Response.json(OpenAPIDocument.build()) })

    static func register(on routes: any RoutesBuilder) {
        let api = routes.grouped("api", "v1")
        let signedIn = api.grouped(RequireSignInMiddleware())
        for endpoint in endpoints {
            let builder = endpoint.requiresToken ? signedIn : api
            let body: HTTPBodyStreamStrategy = endpoint.bodyLimit.map { .collect(maxSize: $0) } ?? .collect
            let handler = endpoint.handler
            let expectsJSON = endpoint.requestSchema != nil && endpoint.requestMediaType == "application/json"
            let route = builder.on(endpoint.method, endpoint.path.map { PathComponent(stringLiteral: $0) }, body: body) { req in
                // A JSON operation refuses other media types as the document says (415), rather than failing to decode (400).
                if expectsJSON, let type = req.headers.contentType, type.type != "application" || type.subType != "json" {
                    throw AppError(.unsupportedMediaType, "unsupported_media_type", Message(.errorBadRequest("Content-Type: application/json")))
                }
                return try await handler(req)
            }
            // A refusal for size names this limit, not the default one.
            if let limit = endpoint.bodyLimit { route.bodyLimit = limit.value }
        }
    }

    // MARK: decoding helpers shared by the capabilities' handlers

    static func id(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound() }
        return id
    }

    static func paging(_ query: ListQuery) -> (page: Int, per: Int) {
        (ListPaging.page(query.page), min(1000, max(1, query.per ?? 100)))
    }
}
