import Foundation
import Vapor

/// A file a person downloads (an export), made by a command and sent by the web or API layer.
struct DownloadFile: Sendable {
    var name: String
    var contentType: HTTPMediaType
    var data: Data

    /// The file as an attachment; the name travels UTF-8-encoded for browsers and a plain fallback for the rest.
    var response: Response {
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.contentType = contentType
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "export"
        // The plain name is for clients that ignore filename*: ASCII, with the file's own extension.
        let ext = name.split(separator: ".").last.map(String.init).flatMap { $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } ? $0 : nil } ?? "bin"
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"export.\(ext)\"; filename*=UTF-8''\(encoded)")
        return response
    }
}

extension DownloadFile {
    static let xlsxType = HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")

    /// A workbook of `sheets` as a download named `name`.
    static func workbook(_ sheets: [SheetSpec], name: String) throws -> DownloadFile {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-export-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try SpreadsheetWriter.write(sheets, to: url)
        return DownloadFile(name: name, contentType: xlsxType, data: try Data(contentsOf: url))
    }
}
