import Fluent
import Foundation
import JixiaoDomain

enum ThinkTankDemo {
    static func load(_ demo: DemoContext) async throws -> String { "" }
}
