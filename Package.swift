// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Cartera",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "cartera", targets: ["cartera"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.34.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.1.0"),
    ],
    targets: [
        // Pure domain: money, dates, terms, invoice ledger, aging. Foundation only.
        .target(name: "CarteraCore"),
        // One C call Swift cannot make (variadic sqlite3_config): memory-mapped reads for SQLite.
        .target(name: "CSQLiteTuning"),
        // Vapor wiring: persistence, HTTP API, commands.
        .target(
            name: "CarteraApp",
            dependencies: [
                "CarteraCore",
                "CSQLiteTuning",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
                // Server-rendered pages of the collector workspace.
                .product(name: "Leaf", package: "leaf"),
                // SMTP client for reminder email.
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                // GET /metrics in the Prometheus text format.
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(name: "cartera", dependencies: ["CarteraApp"]),
        .testTarget(name: "CarteraCoreTests", dependencies: ["CarteraCore"], resources: [.copy("Fixtures/import")]),
        .testTarget(
            name: "CarteraAppTests",
            dependencies: [
                "CarteraApp",
                .product(name: "VaporTesting", package: "vapor"),
            ]
        ),
    ]
)
