/// Why a CSV text cannot be read at all.
public enum CSVError: Error, Equatable, Sendable {
    /// A quoted field was still open when the text ended; `line` is where it began.
    case unterminatedQuote(line: Int)
}

/// One record of a CSV file with the (1-based) line on which it starts, for error messages people can find.
public struct CSVRecord: Equatable, Sendable {
    public var line: Int
    public var fields: [String]
}

/// A small RFC 4180 reader: commas, double-quoted fields with "" escapes and embedded line breaks,
/// CRLF or LF endings, a leading byte-order mark. Blank lines are skipped.
public enum CSVReader {
    public static func records(in text: String) throws(CSVError) -> [CSVRecord] {
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var quoteOpenedOnLine = 1
        var line = 1
        var recordLine = 1
        var fieldWasQuoted = false
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var index = 0

        func endRecord() {
            fields.append(field)
            let blank = fields.count == 1 && fields[0].isEmpty && !fieldWasQuoted
            if !blank { records.append(CSVRecord(line: recordLine, fields: fields)) }
            fields = []; field = ""; fieldWasQuoted = false
        }

        while index < scalars.count {
            let c = scalars[index]
            if inQuotes {
                if c == "\"" {
                    if index + 1 < scalars.count && scalars[index + 1] == "\"" {
                        field.unicodeScalars.append("\""); index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
            } else {
                switch c {
                case "\"" where field.isEmpty:
                    inQuotes = true; fieldWasQuoted = true; quoteOpenedOnLine = line
                case ",":
                    fields.append(field); field = ""; fieldWasQuoted = false
                case "\r":
                    break
                case "\n":
                    endRecord(); line += 1; recordLine = line
                default:
                    field.unicodeScalars.append(c)
                }
            }
            index += 1
        }
        if inQuotes { throw .unterminatedQuote(line: quoteOpenedOnLine) }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
        return records
    }
}
