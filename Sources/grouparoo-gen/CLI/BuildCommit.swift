/// The git commit this binary was built from, for `--version`. `Scripts/build-release.sh` replaces
/// this file in the copy of the sources it builds; a plain `swift build` keeps "unknown".
enum BuildCommit {
    static let hash = "unknown"
}
