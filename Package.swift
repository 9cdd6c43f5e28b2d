// swift-tools-version:6.0
import PackageDescription

// Start-up time: the release build of the executable names concrete generic types (`[String: String]`, …) by calls to
// their metadata accessors rather than by mangled names, which the runtime demangles at each type's first use. The
// library targets do not take it: unsafe flags would make their products unusable as a versioned dependency, and on
// `validate` of a small config the wall time was the same with or without them there (6.0 / 5.9 ms).
let startUpSettings: [SwiftSetting] = [
    .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"], .when(configuration: .release)),
]

// Start-up time: the release binary links libstdc++ (the Swift runtime's C++ library) and libgcc statically. Loading
// libstdc++.so and binding its ~1,700 symbols was most of a `--version` run (2.5 M instructions, of which 1.8 M). The
// `libstdc++.so` in Linking/ is a linker script naming `libstdc++.a`, found first for the toolchain's `-lstdc++`.
let staticLibstdcxx = ["-L", String(#filePath.dropLast("Package.swift".count)) + "Linking", "-Xclang-linker", "-static-libgcc"]

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
            swiftSettings: startUpSettings + [.unsafeFlags(["-Xfrontend", "-disable-autolink-library", "-Xfrontend", "curl"])],
            linkerSettings: [.unsafeFlags(["-Xclang-linker", "-no-pie"] + staticLibstdcxx, .when(configuration: .release))]
        ),
        .testTarget(name: "ConfigModelTests", dependencies: ["ConfigModel"]),
        .testTarget(name: "JSEmitterTests", dependencies: ["JSEmitter"]),
        .testTarget(name: "GrouparooGenTests", dependencies: ["grouparoo-gen", "ConfigModel", "JSEmitter"]),
    ],
    swiftLanguageModes: [.v6]
)
