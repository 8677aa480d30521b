import Foundation

/// A JSON document built in Swift (the OpenAPI description), or read back from JSON the project stored (a job's outcome).
indirect enum JSONValue: Codable, Sendable, ExpressibleByStringLiteral, ExpressibleByDictionaryLiteral,
                         ExpressibleByArrayLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral {
    case string(String), int(Int), number(Decimal), bool(Bool), null, array([JSONValue]), object([(String, JSONValue)])

    init(stringLiteral value: String) { self = .string(value) }
    init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(elements) }
    init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(integerLiteral value: Int) { self = .int(value) }

    private struct FieldKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .string(let value): var c = encoder.singleValueContainer(); try c.encode(value)
        case .int(let value): var c = encoder.singleValueContainer(); try c.encode(value)
        case .number(let value): var c = encoder.singleValueContainer(); try c.encode(value)
        case .bool(let value): var c = encoder.singleValueContainer(); try c.encode(value)
        case .null: var c = encoder.singleValueContainer(); try c.encodeNil()
        case .array(let values): var c = encoder.unkeyedContainer(); for v in values { try c.encode(v) }
        case .object(let pairs):
            var c = encoder.container(keyedBy: FieldKey.self)
            for (key, value) in pairs { try c.encode(value, forKey: FieldKey(stringValue: key)) }
        }
    }

    /// Reads JSON the project wrote itself (a job's stored outcome): null, booleans, numbers (whole ones as `int`, others
    /// exact as `number`), text, arrays and objects (keys in sorted order).
    init(from decoder: any Decoder) throws {
        if let object = try? decoder.container(keyedBy: FieldKey.self) {
            self = .object(try object.allKeys.map(\.stringValue).sorted().map { ($0, try object.decode(JSONValue.self, forKey: FieldKey(stringValue: $0))) })
        } else if var array = try? decoder.unkeyedContainer() {
            var values: [JSONValue] = []
            while !array.isAtEnd { values.append(try array.decode(JSONValue.self)) }
            self = .array(values)
        } else {
            let single = try decoder.singleValueContainer()
            if single.decodeNil() { self = .null }
            else if let value = try? single.decode(Bool.self) { self = .bool(value) }
            else if let value = try? single.decode(Int.self) { self = .int(value) }
            else if let value = try? single.decode(Decimal.self) { self = .number(value) }
            else { self = .string(try single.decode(String.self)) }
        }
    }

    subscript(key: String) -> JSONValue? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.first { $0.0 == key }?.1
    }
}
