import Vapor

/// One operation of `/api/v1`, declared once: the same declaration registers the route and
/// describes it in the OpenAPI document, so the two cannot drift apart silently.
struct APIEndpoint: Sendable {
    struct Parameter: Sendable {
        var name: String
        var location: String   // "query", "path" or "header"
        var type: String
        var description: String
        /// The full schema when a type alone does not say what the server enforces (format, enum, range, pattern).
        var schema: JSONValue? = nil
    }

    var method: HTTPMethod
    /// Path below /api/v1, with `:name` for path parameters.
    var path: [String]
    var operationID: String
    var summary: String
    var tag: String
    var requiresToken = true
    var query: [Parameter] = []
    /// Component schema of the JSON body, or a media type of its own (`text/csv`).
    var requestSchema: String?
    var requestMediaType = "application/json"
    var successStatus = 200
    var responseSchema: String?
    /// Other successful answers the endpoint may give (202 Accepted for work that goes on), with their schemas.
    var otherResponses: [(status: Int, description: String, schema: String?)] = []
    var bodyLimit: ByteCount?
    var handler: @Sendable (Request) async throws -> Response

    var openAPIPath: String {
        "/api/v1/" + path.map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : $0 }.joined(separator: "/")
    }

    var pathParameters: [Parameter] {
        path.filter { $0.hasPrefix(":") }.map { Parameter(name: String($0.dropFirst()), location: "path", type: "string", description: "UUID",
                                                          schema: ["type": "string", "format": "uuid"]) }
    }
}

extension Response {
    /// A JSON response with the given status.
    static func json<T: Encodable>(_ value: T, status: HTTPResponseStatus = .ok) throws -> Response {
        let response = Response(status: status)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        try response.content.encode(value, using: encoder)
        return response
    }
}
