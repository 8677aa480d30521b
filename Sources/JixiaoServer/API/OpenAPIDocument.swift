import JixiaoDomain

/// The OpenAPI 3.1 description of `/api/v1`, generated from the same endpoint declarations that register the routes.
enum OpenAPIDocument: OpenAPIVocabulary {
    static func build() -> JSONValue {
        var paths: [(String, JSONValue)] = []
        for endpoint in APIRoutes.endpoints {
            let operation = self.operation(endpoint)
            if let index = paths.firstIndex(where: { $0.0 == endpoint.openAPIPath }), case .object(var methods) = paths[index].1 {
                methods.append((endpoint.method.rawValue.lowercased(), operation))
                paths[index].1 = .object(methods)
            } else {
                paths.append((endpoint.openAPIPath, .object([(endpoint.method.rawValue.lowercased(), operation)])))
            }
        }
        return [
            "openapi": "3.1.0",
            "info": ["title": "Jixiao 预算绩效管理 API", "version": "1.0.0",
                     "description": "Organizations, users, tokens and goal management of a Jixiao installation. Errors are {\"error\": {code, message, field, details}}."],
            "servers": [["url": "/"]],
            "paths": .object(paths),
            "components": ["schemas": schemas, "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]]],
        ]
    }

    private static func operation(_ endpoint: APIEndpoint) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("operationId", .string(endpoint.operationID)),
            ("summary", .string(endpoint.summary)),
            ("tags", [.string(endpoint.tag)]),
        ]
        let parameters = endpoint.pathParameters + endpoint.query
        if !parameters.isEmpty {
            fields.append(("parameters", .array(parameters.map { parameter in
                ["name": .string(parameter.name), "in": .string(parameter.location), "required": .bool(parameter.location == "path"),
                 "description": .string(parameter.description), "schema": parameter.schema ?? ["type": .string(parameter.type)]]
            })))
        }
        if let schema = endpoint.requestSchema {
            let body: JSONValue = endpoint.requestMediaType == "application/json" ? ref(schema) : ["type": "string"]
            fields.append(("requestBody", ["required": true, "content": .object([(endpoint.requestMediaType, .object([("schema", body)]))])]))
        }
        var responses: [(String, JSONValue)] = []
        if let schema = endpoint.responseSchema {
            responses.append((String(endpoint.successStatus), ["description": "Success", "content": ["application/json": ["schema": ref(schema)]]]))
        } else {
            responses.append((String(endpoint.successStatus), ["description": "Success"]))
        }
        for other in endpoint.otherResponses {
            responses.append((String(other.status), other.schema.map { .object([("description", .string(other.description)),
                                                                                  ("content", ["application/json": ["schema": ref($0)]])]) }
                                                    ?? .object([("description", .string(other.description))])))
        }
        let errorBody: JSONValue = ["content": ["application/json": ["schema": ref("Error")]]]
        var errors = [("400", "Malformed request"), ("401", "Missing, expired or invalid token"),
                      ("403", "Not permitted"), ("404", "Not found or outside the caller's reach"),
                      ("409", "Conflict"), ("422", "Invalid input, per field or per row"), ("429", "Too many failed sign-ins"),
                      ("503", "Busy: too many requests at once; try again shortly")]
        if endpoint.requestSchema != nil {
            errors += [("413", "Body larger than the operation accepts"), ("415", "Body in another media type than the one described")]
        }
        for (status, text) in errors {
            guard case .object(let pairs) = errorBody else { continue }
            responses.append((status, .object([("description", .string(text))] + pairs)))
        }
        fields.append(("responses", .object(responses)))
        if endpoint.requiresToken { fields.append(("security", .array([["bearer": []]]))) }
        return .object(fields)
    }

    private static var schemas: JSONValue {
        .object([
            ("ErrorBody", object([("code", string), ("message", string), ("field", nullableString),
                                  ("details", ["type": "array", "items": object([("line", ["type": ["integer", "null"]]), ("location", nullableString),
                                                                                 ("field", nullableString), ("message", string)], required: ["message"])])],
                                 required: ["code", "message", "details"])),
            ("Error", object([("error", ref("ErrorBody"))], required: ["error"])),
            ("ImportResult", object([("imported", integer), ("created", nullable(["type": "array", "items": string])),
                                     ("updated", nullable(["type": "array", "items": string])),
                                     ("unchanged", nullable(["type": "array", "items": object([("code", string), ("state", values(GoalState.self))], required: ["code", "state"])]))],
                                    required: ["imported"])),
        ] + Capabilities.apiSchemas)
    }
}
