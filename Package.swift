// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "jixiao",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "jixiao", targets: ["jixiao"]),
        .library(name: "JixiaoDomain", targets: ["JixiaoDomain"]),
        .library(name: "JixiaoServer", targets: ["JixiaoServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/vapor/async-kit.git", from: "1.22.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
    ],
    targets: [
        // Pure rules of budget performance management: Foundation only, no Vapor, no database.
        .target(name: "JixiaoDomain"),
        .target(
            name: "JixiaoServer",
            dependencies: [
                "JixiaoDomain",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "AsyncKit", package: "async-kit"),
            ]
        ),
        .executableTarget(name: "jixiao", dependencies: [
            "JixiaoServer",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
        ]),
        .testTarget(name: "JixiaoDomainTests", dependencies: ["JixiaoDomain"]),
        .testTarget(
            name: "JixiaoServerTests",
            dependencies: [
                "JixiaoServer",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
