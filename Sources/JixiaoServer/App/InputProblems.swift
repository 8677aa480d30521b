import Foundation
import JixiaoDomain

extension TextInputError {
    var message: Message {
        switch self {
        case .forbiddenCharacter(let position, let codePoint): Message(.errorForbiddenCharacter(String(position), String(format: "%04X", codePoint)))
        case .tooLong(let maximum, let length): Message(.errorTextTooLong(String(maximum), String(length)))
        }
    }
}

extension InputProblem {
    var message: Message {
        switch reason {
        case .text(let error): error.message
        case .tooMany(let maximum, let count): Message(.errorTooMany(String(maximum), String(count)))
        }
    }

    var location: Message? {
        switch (region, row) {
        case (let region?, let row?): Message(.inputLocationRegionRow(String(region), String(row)))
        case (let region?, nil): Message(.inputLocationRegion(String(region)))
        case (nil, let row?): Message(.inputLocationRow(String(row)))
        case (nil, nil): nil
        }
    }
}

extension AppError {
    /// What cannot be stored of a form or a request, every place named; nothing of it is saved.
    static func inputRefused(_ problems: [InputProblem]) -> AppError {
        AppError(.unprocessableEntity, "input_refused", Message(.errorInputRefused(String(problems.count))), field: problems.first?.field,
                 details: problems.map { AppError.Detail(line: $0.row, location: $0.location, field: $0.field, message: $0.message) })
    }

    /// A single-line text field (a name, a code) checked against `TextInputRules` and its limit; nil when it may be stored.
    static func text(_ value: String, field: String, maximum: Int, multiLine: Bool = false) -> AppError? {
        do { try TextInputRules.check(value, field: multiLine ? .multiLine : .singleLine, maximumLength: maximum); return nil }
        catch { return AppError.invalid(field, error.message) }
    }
}
