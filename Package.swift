// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "thidua",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "thidua", targets: ["thidua"])
    ],
    // Exact versions: the image builds what the tests ran (Package.resolved cannot be committed: the mirror's commit ids
    // are not GitHub's), security review F18.
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", exact: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/vapor/postgres-nio.git", exact: "1.33.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", exact: "3.12.3"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", exact: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", exact: "1.8.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", exact: "0.9.20"),
        // Already built for Hummingbird; named for NIOHTTPTypes (the header-timeout handler sees HTTP request parts).
        .package(url: "https://github.com/apple/swift-nio-extras.git", exact: "1.35.2"),
        // Evidence forms: a streaming, linear-time multipart parser instead of a hand-written one (security review F2).
        .package(url: "https://github.com/vapor/multipart-kit.git", exact: "4.7.1"),
        // GET /metrics in the Prometheus text format (swift-metrics is already resolved for Hummingbird).
        .package(url: "https://github.com/swift-server/swift-prometheus.git", exact: "2.4.1"),
        .package(url: "https://github.com/apple/swift-metrics.git", exact: "2.13.0"),
        // The web app's pages: logic-less templates in files, HTML-escaped by default (README, decisions).
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", exact: "2.1.1"),
    ],
    targets: [
        // Domain: values, rules, workflow. Foundation only, no I/O.
        .target(name: "ThiduaCore", swiftSettings: swiftSettings),

        // Storage: PostgresNIO repositories and the migrator; the SQL in sql/ is embedded by EmbedSQL.
        .target(
            name: "ThiduaStore",
            dependencies: [
                "ThiduaCore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                // scrypt for password hashes (sign-in for the web app); part of swift-crypto, no new package.
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings,
            plugins: ["EmbedSQL"]
        ),

        // Reports: CSV, XLSX (a ZIP package of XML parts) and other renderings of Core values.
        .target(
            name: "ThiduaExport",
            dependencies: [
                "ThiduaCore",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: swiftSettings
        ),

        // Web app: server-rendered pages (Mustache templates and the stylesheet embedded by EmbedWebFiles), session sign-in.
        .target(
            name: "ThiduaWeb",
            dependencies: [
                "ThiduaCore", "ThiduaStore", "ThiduaExport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Templates", "Assets"],
            swiftSettings: swiftSettings,
            plugins: ["EmbedWebFiles"]
        ),

        // HTTP: Hummingbird application, controllers, problem+json; mounts the web app's pages.
        .target(
            name: "ThiduaServer",
            dependencies: [
                "ThiduaCore", "ThiduaStore", "ThiduaExport", "ThiduaWeb",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.embedInCode("OpenAPI/openapi.yaml")],
            swiftSettings: swiftSettings
        ),

        // The private PostgreSQL cluster used when no DATABASE_URL is given.
        .target(
            name: "EmbeddedPostgres",
            dependencies: [
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),

        // Command line: serve, migrate, db, user, import.
        .target(
            name: "ThiduaCLI",
            dependencies: [
                "ThiduaCore", "ThiduaStore", "ThiduaServer", "ThiduaExport", "EmbeddedPostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(name: "thidua", dependencies: ["ThiduaCLI"], swiftSettings: swiftSettings),

        // Build-time: sql/*.sql -> Swift source carried by the binary.
        .executableTarget(name: "embed-sql", swiftSettings: swiftSettings),
        .plugin(name: "EmbedSQL", capability: .buildTool(), dependencies: ["embed-sql"]),
        .plugin(name: "EmbedWebFiles", capability: .buildTool(), dependencies: ["embed-sql"]),

        // Tests
        .target(
            name: "ThiduaTestSupport",
            dependencies: [
                "ThiduaCore", "ThiduaStore", "ThiduaServer", "EmbeddedPostgres",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/ThiduaTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "ThiduaCoreTests", dependencies: ["ThiduaCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ThiduaExportTests", dependencies: ["ThiduaExport", "ThiduaCore"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "EmbeddedPostgresTests",
            dependencies: [
                "EmbeddedPostgres", "ThiduaStore", "ThiduaCore", "ThiduaTestSupport",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ThiduaStoreTests",
            dependencies: ["ThiduaStore", "ThiduaCore", "ThiduaTestSupport", .product(name: "PostgresNIO", package: "postgres-nio")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ThiduaServerTests",
            dependencies: [
                "ThiduaServer", "ThiduaWeb", "ThiduaStore", "ThiduaCore", "ThiduaTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ThiduaCLITests",
            dependencies: [
                "ThiduaCLI", "ThiduaStore", "ThiduaCore", "ThiduaTestSupport", "EmbeddedPostgres", "ThiduaServer",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            exclude: ["Golden"],
            swiftSettings: swiftSettings
        ),
    ]
)
