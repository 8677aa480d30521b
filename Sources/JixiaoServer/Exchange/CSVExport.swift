import Vapor

/// CSV files people open in Excel or WPS: UTF-8 with a byte-order mark, CRLF lines, every field quoted, and a field
/// that would start a formula (=, +, -, @) prefixed with an apostrophe so a spreadsheet never runs it.
enum CSVExport {
    static func field(_ value: String) -> String {
        let safe = value.first.map { "=+-@".contains($0) } == true ? "'" + value : value
        return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func response(header: [String], rows: [[String]], name: String) -> Response {
        var csv = "\u{FEFF}" + header.map(field).joined(separator: ",") + "\r\n"
        for row in rows { csv += row.map(field).joined(separator: ",") + "\r\n" }
        let response = Response(status: .ok, body: .init(string: csv))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "export.csv"
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"export.csv\"; filename*=UTF-8''\(encoded)")
        return response
    }
}
