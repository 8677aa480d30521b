import Foundation
import JixiaoDomain

/// The text of an uploaded CSV file, decoded the one way every importer shares (`CSVText.decode`: UTF-8 with or
/// without a byte-order mark, UTF-16 with one, GBK/GB18030 as Excel and WPS write it on Chinese Windows), with
/// errors that say where the file stops being readable.
enum UploadedText {
    static func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes) throws -> String {
        do {
            return try CSVText.decode(bytes).text
        } catch .gbk {
            throw AppError(.unprocessableEntity, "gbk_unreadable", Message(.errorGBKUnreadable))
        } catch .notUTF8(_, let line) {
            throw AppError(.unprocessableEntity, "not_utf8", Message(.errorNotUTF8AtLine(line)))
        } catch .invalidUTF16(let offset) {
            throw AppError(.unprocessableEntity, "not_utf8", Message(.errorInvalidUTF16(offset)))
        }
    }
}
