import JixiaoDomain

/// The OpenAPI 3.1 description of `/api/v1`, generated from the same endpoint declarations that register the routes.
enum OpenAPIDocument {
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
                     "description": "Organizations, users and tokens of a Jixiao installation. Errors are {\"error\": {code, message, field, details}}."],
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

    private static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }

    private static func object(_ properties: [(String, JSONValue)], required: [String]) -> JSONValue {
        ["type": "object", "properties": .object(properties), "required": .array(required.map(JSONValue.string))]
    }

    // What the server enforces, said where a client can read it: lengths (InputLimits), code patterns, the values of
    // every fixed list (taken from the domain's enums, so they cannot drift), and which PATCH fields may be null.
    private static let string: JSONValue = ["type": "string"]
    private static let nullableString: JSONValue = ["type": ["string", "null"]]
    static let uuid: JSONValue = ["type": "string", "format": "uuid"]
    private static let boolean: JSONValue = ["type": "boolean"]
    private static let integer: JSONValue = ["type": "integer"]
    static let year: JSONValue = ["type": "integer", "minimum": 2000, "maximum": 2100]
    static let code: JSONValue = ["type": "string", "minLength": 1, "maxLength": .int(InputLimits.code), "pattern": "^[A-Za-z0-9._-]+$"]
    private static let name: JSONValue = ["type": "string", "minLength": 1, "maxLength": .int(InputLimits.name)]
    private static let shortText: JSONValue = ["type": "string", "maxLength": .int(InputLimits.shortText)]
    private static let longText: JSONValue = ["type": "string", "maxLength": .int(InputLimits.longText)]
    private static func nullable(_ schema: JSONValue) -> JSONValue {
        guard case .object(var pairs) = schema, let index = pairs.firstIndex(where: { $0.0 == "type" }), case .string(let type) = pairs[index].1 else { return schema }
        pairs[index].1 = [.string(type), "null"]
        if let enumIndex = pairs.firstIndex(where: { $0.0 == "enum" }), case .array(var values) = pairs[enumIndex].1 {
            values.append(.null)
            pairs[enumIndex].1 = .array(values)
        }
        return .object(pairs)
    }
    private static func values<E: CaseIterable & RawRepresentable>(_ type: E.Type) -> JSONValue where E.RawValue == String {
        ["type": "string", "enum": .array(E.allCases.map { .string($0.rawValue) })]
    }
    static let kinds: JSONValue = values(OrganizationKind.self)
    private static let levels: JSONValue = ["type": ["string", "null"], "enum": .array(AdministrativeLevel.allCases.map { .string($0.key) } + [.null])]
    private static let role: JSONValue = values(Role.self)
    private static let roles: JSONValue = ["type": "array", "uniqueItems": true, "minItems": 1, "items": role]
    static let states: JSONValue = values(GoalState.self)
    static let subcategories: JSONValue = values(IndicatorSubcategory.self)
    private static let username: JSONValue = ["type": "string", "pattern": "^[a-z0-9._-]{3,64}$"]
    private static let password: JSONValue = ["type": "string", "minLength": .int(PasswordPolicy.minimumLength), "maxLength": 72]

    private static let decimalText: JSONValue = ["type": "string", "description": "exact decimal as text", "pattern": "^[0-9]+(\\.[0-9]{1,6})?$"]

    private static var goalSchemas: [(String, JSONValue)] {
        let indicator = object([("id", uuid), ("category", values(IndicatorCategory.self)), ("subcategory", subcategories), ("name", shortText),
                                ("target", shortText), ("weight", nullable(decimalText)), ("standard", nullable(values(StandardSource.self))),
                                ("note", ["type": "string", "maxLength": .int(InputLimits.note)]), ("libraryEntryID", ["type": ["string", "null"], "format": "uuid"]),
                                ("parsed", object([("op", string), ("number", nullableString), ("unit", nullableString), ("date", nullableString), ("text", nullableString)], required: ["op"]))],
                               required: ["subcategory", "name", "target"])
        let finding = object([("rule", string), ("severity", ["type": "string", "enum": ["error", "warning", "notice"]]), ("row", ["type": ["integer", "null"]]),
                              ("region", ["type": ["integer", "null"]]), ("message", string)],
                             required: ["rule", "severity", "message"])
        return [
            ("Indicator", indicator),
            ("Finding", finding),
            ("RegionalGoal", object([("id", uuid), ("recipientCode", code), ("recipientName", nullableString), ("allocatedWanYuan", decimalText),
                                     ("annualGoal", longText), ("indicators", ["type": "array", "maxItems": .int(InputLimits.indicatorsPerGoal), "items": ref("Indicator")])],
                                    required: ["recipientCode", "allocatedWanYuan", "annualGoal", "indicators"])),
            ("Goal", object([("objectID", uuid), ("code", string), ("name", string), ("kind", string), ("organizationCode", string), ("fiscalYear", integer),
                             ("fundSource", string), ("category", string), ("requestedWanYuan", decimalText), ("isKeyProject", boolean), ("version", integer),
                             ("versions", ["type": "array", "items": integer]), ("state", states), ("lockVersion", integer), ("annualGoal", string),
                             ("midTermGoal", nullableString), ("indicators", ["type": "array", "items": ref("Indicator")]),
                             ("regions", ["type": "array", "items": ref("RegionalGoal")]),
                             ("validation", ["type": "array", "items": ref("Finding")]), ("findings", ["type": "array", "items": ref("Finding")])],
                            required: ["objectID", "code", "name", "state", "version", "lockVersion", "indicators", "validation", "findings"])),
            ("GoalQueue", object([("items", ["type": "array", "items": object([("objectID", uuid), ("code", string), ("name", string), ("organization", string),
                                                                             ("state", states), ("version", integer), ("lockVersion", integer)], required: ["objectID", "code", "state"])])],
                                 required: ["items"])),
            ("BudgetObjectCreate", object([("kind", values(BudgetObjectKind.self)), ("code", code),
                                           ("name", name), ("organizationCode", code), ("fiscalYear", year), ("functionalClassification", shortText),
                                           ("fundSource", values(FundSource.self)),
                                           ("category", values(ProjectCategory.self)), ("startYear", year), ("endYear", year),
                                           ("requestedWanYuan", decimalText), ("isKeyProject", boolean), ("isServiceProject", boolean)],
                                          required: ["code", "name", "organizationCode", "fiscalYear", "requestedWanYuan"])),
            ("GoalContent", object([("lockVersion", integer), ("annualGoal", longText), ("midTermGoal", nullable(longText)),
                                    ("indicators", ["type": "array", "maxItems": .int(InputLimits.indicatorsPerGoal), "items": ref("Indicator")]),
                                    ("regions", ["type": "array", "maxItems": .int(InputLimits.regionsPerGoal), "items": ref("RegionalGoal")])],
                                   required: ["lockVersion", "annualGoal", "indicators"])),
            ("Transition", object([("action", ["type": "string", "enum": ["submit", "withdraw", "department_approve", "department_return", "finance_review",
                                                                          "finance_return", "release", "request_adjustment"]]),
                                   ("lockVersion", integer), ("opinion", longText), ("grade", ["type": "string", "enum": ["优", "良", "中", "差"]]),
                                   ("ratings", ["type": "object", "additionalProperties": ["type": "string", "enum": ["优", "良", "中", "差"]]])],
                                  required: ["action", "lockVersion"])),
            ("Release", object([("fiscalYear", year), ("underCode", code)], required: ["fiscalYear"])),
            ("ReleaseResult", object([("released", integer)], required: ["released"])),
            ("IssuedRegionalGoals", object([("items", ["type": "array", "items": object([
                ("objectID", uuid), ("transferCode", string), ("transferName", string), ("fiscalYear", integer), ("issuedBy", string),
                ("region", ref("RegionalGoal"))], required: ["objectID", "transferCode", "transferName", "fiscalYear", "issuedBy", "region"])])],
                                           required: ["items"])),
            ("ImportJob", object([("id", uuid), ("fileName", string),
                                  ("phase", ["type": "string", "enum": .array(ImportProgress.Phase.allCases.map { .string($0.rawValue) })]),
                                  ("done", integer), ("total", ["type": ["integer", "null"]]), ("percent", integer),
                                  ("imported", ["type": ["integer", "null"]]), ("error", ["oneOf": [ref("ErrorBody"), ["type": "null"]]])],
                                 required: ["id", "fileName", "phase", "done", "percent"])),
            ("LibraryPage", object([("items", ["type": "array", "items": object([
                ("id", uuid), ("sector", string), ("category", string), ("subcategory", string), ("name", string), ("op", string), ("unit", string),
                ("definition", string), ("history", ["type": "array", "items": object([("fiscalYear", integer), ("declared", ["type": "array", "items": ["type": "number"]])],
                                                                                       required: ["fiscalYear", "declared"])])],
                required: ["id", "name", "subcategory", "history"])])], required: ["items"])),
        ]
    }

    private static var schemas: JSONValue {
        .object([
            ("ErrorBody", object([("code", string), ("message", string), ("field", nullableString),
                                  ("details", ["type": "array", "items": object([("line", ["type": ["integer", "null"]]), ("location", nullableString),
                                                                                 ("field", nullableString), ("message", string)], required: ["message"])])],
                                 required: ["code", "message", "details"])),
            ("Error", object([("error", ref("ErrorBody"))], required: ["error"])),
            ("TokenRequest", object([("username", ["type": "string", "maxLength": 64]), ("password", ["type": "string", "maxLength": 72]), ("name", shortText)],
                                    required: ["username", "password"])),
            ("TokenResponse", object([("token", string), ("tokenType", string), ("expiresAt", ["type": "string", "format": "date-time"])],
                                     required: ["token", "tokenType", "expiresAt"])),
            ("Organization", object([("id", uuid), ("code", string), ("name", string), ("kind", kinds), ("level", levels),
                                     ("parentID", ["type": ["string", "null"], "format": "uuid"]), ("path", string), ("depth", integer),
                                     ("isActive", boolean)], required: ["id", "code", "name", "kind", "path", "depth", "isActive"])),
            ("OrganizationPage", object([("items", ["type": "array", "items": ref("Organization")]), ("page", integer), ("per", integer), ("total", integer)],
                                        required: ["items", "page", "per", "total"])),
            ("OrganizationCreate", object([("code", code), ("name", name), ("kind", kinds), ("level", levels), ("parentCode", code)],
                                          required: ["code", "name", "kind", "parentCode"])),
            ("OrganizationUpdate", object([("code", nullable(code)), ("name", nullable(name)), ("level", levels), ("isActive", nullable(boolean))], required: [])),
            ("Move", object([("parentCode", code)], required: ["parentCode"])),
            ("ImportResult", object([("imported", integer), ("created", nullable(["type": "array", "items": string])),
                                     ("updated", nullable(["type": "array", "items": string])),
                                     ("unchanged", nullable(["type": "array", "items": object([("code", string), ("state", states)], required: ["code", "state"])]))],
                                    required: ["imported"])),
            ("User", object([("id", uuid), ("username", string), ("displayName", string), ("organizationID", uuid),
                             ("organizationCode", nullableString), ("roles", roles), ("isActive", boolean), ("mustChangePassword", boolean)],
                            required: ["id", "username", "displayName", "organizationID", "roles", "isActive", "mustChangePassword"])),
            ("UserPage", object([("items", ["type": "array", "items": ref("User")]), ("page", integer), ("per", integer), ("total", integer)],
                                required: ["items", "page", "per", "total"])),
            ("UserCreate", object([("username", username), ("displayName", name), ("organizationCode", code), ("roles", roles), ("password", nullable(password))],
                                  required: ["username", "displayName", "organizationCode", "roles"])),
            ("UserCreated", object([("user", ref("User")), ("oneTimePassword", nullableString)], required: ["user"])),
            ("UserUpdate", object([("displayName", nullable(name)), ("organizationCode", nullable(code)), ("roles", nullable(roles)),
                                   ("isActive", nullable(boolean))], required: [])),
            ("PasswordReset", object([("oneTimePassword", string)], required: ["oneTimePassword"])),
        ] + goalSchemas)
    }
}
