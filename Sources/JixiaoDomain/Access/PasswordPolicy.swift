/// Why a new password is refused.
public enum PasswordPolicyError: Error, Equatable, Sendable {
    case tooShort(minimum: Int)
    case tooLong(maximum: Int)
    case sameAsUsername
    case needsLetterAndDigit
}

/// 口令策略 — the rule every new password must meet.
public enum PasswordPolicy {
    public static let minimumLength = 10
    /// Bcrypt reads only the first 72 bytes; longer passwords would give a false sense of strength.
    public static let maximumBytes = 72

    public static func validate(_ password: String, username: String) throws(PasswordPolicyError) {
        if password.count < minimumLength { throw .tooShort(minimum: minimumLength) }
        if password.utf8.count > maximumBytes { throw .tooLong(maximum: maximumBytes) }
        if password.lowercased() == username.lowercased() { throw .sameAsUsername }
        let hasLetter = password.unicodeScalars.contains { $0.properties.isAlphabetic }
        let hasDigit = password.unicodeScalars.contains { ("0"..."9").contains($0) }
        if !hasLetter || !hasDigit { throw .needsLetterAndDigit }
    }
}
