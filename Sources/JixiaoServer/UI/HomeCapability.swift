import Vapor

extension Capability {
    /// 首页 — the start page and the honest placeholders of the sections not built yet.
    static let home = Capability(name: "home", pages: { try $0.register(collection: HomeController()) })
}
