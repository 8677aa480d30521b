import Vapor

/// Values of fixed lists and numbers in requests are read strictly: an unknown value is refused with the field and
/// what is allowed, never replaced by a default (a typo in `kind` must not create a project).
enum StrictValues {
    static func parse<E: RawRepresentable & CaseIterable>(_ raw: String?, field: String, as type: E.Type = E.self) throws -> E?
        where E.RawValue == String {
        guard let raw = raw?.trimmed, !raw.isEmpty else { return nil }
        guard let value = E(rawValue: raw) else {
            throw AppError.invalid(field, Message(.errorUnknownValue(raw, E.allCases.map(\.rawValue).joined(separator: ", "))), code: "unknown_value")
        }
        return value
    }

    /// An integer query parameter: nil when absent or empty, 400 naming it when it is not a whole number.
    static func integer(_ req: Request, _ name: String) throws -> Int? {
        guard let raw = req.query[String.self, at: name]?.trimmed, !raw.isEmpty else { return nil }
        guard let value = Int(raw) else { throw AppError(.badRequest, "bad_query", Message(.errorNotAnInteger(name, raw)), field: name) }
        return value
    }

    static func bool(_ req: Request, _ name: String) throws -> Bool? {
        guard let raw = req.query[String.self, at: name]?.trimmed.lowercased(), !raw.isEmpty else { return nil }
        switch raw {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw AppError(.badRequest, "bad_query", Message(.errorUnknownValue(raw, "true, false")), field: name)
        }
    }
}
