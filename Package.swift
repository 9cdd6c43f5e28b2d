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
            dependencies: ["ConfigModel", "JSEmitter"]
        ),
        .testTarget(name: "ConfigModelTests", dependencies: ["ConfigModel"]),
        .testTarget(name: "JSEmitterTests", dependencies: ["JSEmitter"]),
        .testTarget(name: "GrouparooGenTests", dependencies: ["grouparoo-gen", "ConfigModel", "JSEmitter"]),
    ],
    swiftLanguageModes: [.v6]
)
