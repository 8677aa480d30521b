import Vapor

struct PageDTO<Item: Content>: Content {
    var items: [Item]
    var page: Int
    var per: Int
    var total: Int
}
struct ListQuery: Content { var under: UUID?; var q: String?; var kind: String?; var page: Int?; var per: Int? }
struct ImportResponse: Content {
    var imported: Int
    var created: [String]?
    var updated: [String]?
    var unchanged: [ImportOutcome.Unchanged]?
}
