import Fluent
import Vapor
import JixiaoDomain

/// `jixiao demo` — loads the demo province; running it again changes nothing.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Loads a realistic demo data set (idempotent)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let demo = DemoContext(database: app.db, bcryptCost: app.jixiao.bcryptCost, threadPool: app.threadPool, effects: app.effects)
        for capability in Capabilities.all {
            guard let step = capability.demo else { continue }
            context.console.print(try await step(demo))
        }
        context.console.print("Accounts (password \(DemoData.password)):")
        for account in DemoData.accounts {
            context.console.print("  \(account.username.padding(toLength: 18, withPad: " ", startingAt: 0)) \(account.roles.map(\.rawValue).joined(separator: ","))  @ \(account.organization)")
        }
    }
}

/// The demo's organisations and accounts together, as tests use them.
enum DemoLoader {
    static func load(on database: any Database, bcryptCost: Int, threadPool: NIOThreadPool) async throws -> (Int, Int) {
        let organizations = try await OrganizationDemo.load(on: database)
        let accounts = try await UserDemo.load(on: database, bcryptCost: bcryptCost, threadPool: threadPool)
        return (organizations, accounts)
    }
}
