/// The shipped templates, by file name, compiled into the binary (`--templates DIR` can override any
/// of them). The contents live in the generated files beside this one; see Scripts/embed-templates.sh.
enum EmbeddedTemplates {
    static let files: [String: String] = coreTemplates
        .merging(pluginTemplates) { first, _ in first }
        .merging(repositoryTemplates) { first, _ in first }
}
