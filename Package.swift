// swift-tools-version:6.2
import PackageDescription

// `KHONGCHO_STRICT=1` (set by `make test`, so CI) turns warnings into errors for this package's own targets.
let strict: [SwiftSetting] = Context.environment["KHONGCHO_STRICT"] == "1" ? [.unsafeFlags(["-warnings-as-errors"])] : []

let swiftSettings: [SwiftSetting] =
    [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
        .enableUpcomingFeature("InternalImportsByDefault"),
    ] + strict

// Locks TSan understands (pthread): Synchronization.Mutex is not instrumented on Linux, so ThreadSanitizer
// reports every Mutex as a race.
let locks: Target.Dependency = .product(name: "NIOConcurrencyHelpers", package: "swift-nio")

let package = Package(
    name: "khongcho",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "khongcho", targets: ["khongcho"]),
        .library(name: "KioskTesting", targets: ["KioskTesting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.34.1"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-configuration.git", from: "1.0.2", traits: ["JSON", "YAML"]),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        // Named because `khongcho` reads its settings file through them (FilePath, YAML nodes).
        .package(url: "https://github.com/apple/swift-system.git", from: "1.8.1"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
    ],
    targets: [
        // Domain and storage.
        .target(name: "QueueCore", dependencies: [locks], swiftSettings: swiftSettings),
        .target(
            name: "QueueStore",
            dependencies: [
                "QueueCore", locks,
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        // Devices: bytes (no I/O), transports, simulated devices.
        .systemLibrary(name: "CLibUSB", pkgConfig: "libusb-1.0", providers: [.apt(["libusb-1.0-0-dev"])]),
        .systemLibrary(name: "CFreeType", pkgConfig: "freetype2", providers: [.apt(["libfreetype-dev"])]),
        .systemLibrary(name: "CQRencode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .target(
            name: "DeviceProtocols", dependencies: ["QueueCore", "CFreeType", "CQRencode", "CPNG", locks], swiftSettings: swiftSettings),
        .target(
            name: "DeviceIO",
            dependencies: [
                "DeviceProtocols", "CLibUSB", locks,
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "Simulators", dependencies: ["DeviceProtocols", "CQRencode", locks], swiftSettings: swiftSettings),
        // The application: what a hall does. No HTTP, no USB.
        .target(
            name: "Hall",
            dependencies: [
                "QueueCore", "QueueStore", "DeviceProtocols", locks,
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // HTTP: routes, auth, live streams, pages.
        .target(
            name: "WebAPI",
            dependencies: [
                "Hall", "QueueCore", "QueueStore", "DeviceProtocols", locks,
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // Province mode: each centre's facts replicated to one PostgreSQL, and the province's figures read from it.
        .target(
            name: "Province",
            dependencies: [
                "QueueCore", "QueueStore", "Hall", locks,
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // The province office's web app (pages, API, CSV) over the Province store.
        .target(
            name: "ProvinceWeb",
            dependencies: [
                "Province", "QueueCore", "Hall", "WebAPI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "khongcho",
            dependencies: [
                "QueueCore", "QueueStore", "DeviceProtocols", "DeviceIO", "Simulators", "Hall", "WebAPI", "Province", "ProvinceWeb", locks,
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        // Test harness: builders, a manual clock, a whole hall in memory. Test targets only.
        .target(
            name: "KioskTesting",
            dependencies: ["QueueCore", "QueueStore", "DeviceProtocols", "Simulators", "Hall", "WebAPI", locks],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "QueueCoreTests", dependencies: ["QueueCore", "KioskTesting"], swiftSettings: swiftSettings),
        .testTarget(
            name: "QueueStoreTests",
            dependencies: ["QueueStore", "KioskTesting", locks, .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DeviceProtocolsTests", dependencies: ["DeviceProtocols", "KioskTesting"],
            exclude: ["Golden"], swiftSettings: swiftSettings),
        .testTarget(
            name: "DeviceIOTests",
            dependencies: ["DeviceIO", "DeviceProtocols", "KioskTesting", "Hall", "QueueCore", "QueueStore", "Simulators", locks],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "SimulatorsTests", dependencies: ["Simulators", "DeviceProtocols", "KioskTesting"], swiftSettings: swiftSettings),
        .testTarget(
            name: "HallTests",
            dependencies: ["Hall", "Simulators", "DeviceProtocols", "KioskTesting", "QueueCore", "QueueStore", locks],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WebAPITests",
            dependencies: [
                "WebAPI", "Hall", "Simulators", "DeviceProtocols", "KioskTesting", "QueueCore", "QueueStore", locks,
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ProvinceTests",
            dependencies: [
                "Province", "ProvinceWeb", "Hall", "KioskTesting", "QueueCore", "QueueStore", "WebAPI", locks,
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
