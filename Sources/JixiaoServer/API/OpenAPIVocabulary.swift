import JixiaoDomain

/// The words the OpenAPI schemas are written in: what the server enforces, said where a client can read it —
/// lengths (InputLimits), code patterns, the values of every fixed list (taken from the domain's enums, so they
/// cannot drift), and which PATCH fields may be null. Each capability's API enum adopts it and declares its schemas.
protocol OpenAPIVocabulary {}

extension OpenAPIVocabulary {
    static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }

    static func object(_ properties: [(String, JSONValue)], required: [String]) -> JSONValue {
        ["type": "object", "properties": .object(properties), "required": .array(required.map(JSONValue.string))]
    }

    static var string: JSONValue { ["type": "string"] }
    static var nullableString: JSONValue { ["type": ["string", "null"]] }
    static var uuid: JSONValue { ["type": "string", "format": "uuid"] }
    static var boolean: JSONValue { ["type": "boolean"] }
    static var integer: JSONValue { ["type": "integer"] }
    static var year: JSONValue { ["type": "integer", "minimum": 2000, "maximum": 2100] }
    static var code: JSONValue { ["type": "string", "minLength": 1, "maxLength": .int(InputLimits.code), "pattern": "^[A-Za-z0-9._-]+$"] }
    static var name: JSONValue { ["type": "string", "minLength": 1, "maxLength": .int(InputLimits.name)] }
    static var shortText: JSONValue { ["type": "string", "maxLength": .int(InputLimits.shortText)] }
    static var longText: JSONValue { ["type": "string", "maxLength": .int(InputLimits.longText)] }
    static func nullable(_ schema: JSONValue) -> JSONValue {
        guard case .object(var pairs) = schema, let index = pairs.firstIndex(where: { $0.0 == "type" }), case .string(let type) = pairs[index].1 else { return schema }
        pairs[index].1 = [.string(type), "null"]
        if let enumIndex = pairs.firstIndex(where: { $0.0 == "enum" }), case .array(var values) = pairs[enumIndex].1 {
            values.append(.null)
            pairs[enumIndex].1 = .array(values)
        }
        return .object(pairs)
    }
    static func values<E: CaseIterable & RawRepresentable>(_ type: E.Type) -> JSONValue where E.RawValue == String {
        ["type": "string", "enum": .array(E.allCases.map { .string($0.rawValue) })]
    }

    static var decimalText: JSONValue { ["type": "string", "description": "exact decimal as text", "pattern": "^[0-9]+(\\.[0-9]{1,6})?$"] }
}
