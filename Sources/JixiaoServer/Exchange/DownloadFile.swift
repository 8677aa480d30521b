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
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "export.xlsx"
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"export.xlsx\"; filename*=UTF-8''\(encoded)")
        return response
    }
}
