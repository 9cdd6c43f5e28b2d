// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "grouparoo-gen",
    products: [
        .executable(name: "grouparoo-gen", targets: ["grouparoo-gen"]),
        .library(name: "ConfigModel", targets: ["ConfigModel"]),
        .library(name: "JSEmitter", targets: ["JSEmitter"]),
    ],
    targets: [
        .target(name: "ConfigModel", dependencies: ["JSEmitter"]),
        .target(name: "JSEmitter"),
        .executableTarget(
            name: "grouparoo-gen",
            dependencies: ["ConfigModel", "JSEmitter"],
            // Start-up time: libcurl is opened only when a command talks to an instance
            // (Remote/LibcurlOnDemand.swift), and the release binary is not position-independent,
            // so the loader has no relocations to apply to its ~80 MB at every start.
            swiftSettings: [.unsafeFlags(["-Xfrontend", "-disable-autolink-library", "-Xfrontend", "curl"])],
            linkerSettings: [.unsafeFlags(["-Xclang-linker", "-no-pie"], .when(configuration: .release))]
        ),
        .testTarget(name: "ConfigModelTests", dependencies: ["ConfigModel"]),
        .testTarget(name: "JSEmitterTests", dependencies: ["JSEmitter"]),
        .testTarget(name: "GrouparooGenTests", dependencies: ["grouparoo-gen", "ConfigModel", "JSEmitter"]),
    ],
    swiftLanguageModes: [.v6]
)
