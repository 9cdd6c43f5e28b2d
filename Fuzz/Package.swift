// swift-tools-version:6.0
// A libFuzzer target for the config reader. Kept apart from the root package so
// the root manifest needs nothing for it; build it with Fuzz/run.sh.
import Foundation
import PackageDescription

// A path dependency is identified by its directory name, which depends on where
// the repository was cloned, so derive it instead of hard-coding it.
let rootDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let rootIdentity = rootDirectory.lastPathComponent

let package = Package(
    name: "ReaderFuzz",
    dependencies: [
        .package(path: rootDirectory.path),
    ],
    targets: [
        .executableTarget(
            name: "ReaderFuzzer",
            dependencies: ["FuzzerDriver", .product(name: "ConfigModel", package: rootIdentity)]
        ),
        // Declares libFuzzer's LLVMFuzzerRunDriver for Swift.
        .target(name: "FuzzerDriver"),
    ],
    swiftLanguageModes: [.v6]
)
