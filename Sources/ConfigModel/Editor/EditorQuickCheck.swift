/// The fast half of checking a change: the rules run over the changed file and its neighbourhood only
/// (what its objects reference, two steps deep; what shares their ids; what references them; the
/// properties its templates and record keys name), found in the last full pass. That is enough for the
/// rules to judge the changed file, in milliseconds on any size of directory; the full pass that follows
/// is the final word for every file.
extension EditorWorkspace {
    public func quickCheck(_ path: String, with validator: Validator, around previous: EditorCheck) -> [Diagnostic] {
        guard let file = file(path) else { return [] }
        let paths = neighbourhood(of: file, in: previous)
        let read = ConfigReadResult(directory: directory, files: files(at: paths))
        return validator.validate(read).diagnostics.filter { $0.span?.file == path }
    }

    func neighbourhood(of file: FileReadResult, in previous: EditorCheck) -> Set<String> {
        let config = previous.input
        var paths: Set<String> = [file.path]
        var frontier = file.objects.enumerated().map { ConfigEntry(position: $0.offset, file: file.path, value: $0.element) }
        for entry in frontier {
            guard let id = entry.id else { continue }
            for same in config.entries(withID: id) { paths.insert(same.file) }
            paths.formUnion(previous.referencingFiles[id] ?? [])
            for variable in ReferenceCollector.templates(of: entry).variables {
                if let property = config.propertyEntry(key: variable.name) { paths.insert(property.file) }
            }
        }
        for _ in 0..<2 {
            var next: [ConfigEntry] = []
            for entry in frontier {
                for reference in ReferenceCollector.references(of: entry, bootstrappedPropertyID: nil) {
                    var targets = config.entries(withID: reference.targetID)
                    if reference.kind == .recordProperty, let property = config.propertyEntry(key: reference.targetID) {
                        targets.append(property)
                    }
                    for target in targets where paths.insert(target.file).inserted { next.append(target) }
                }
            }
            frontier = next
        }
        return paths
    }
}

extension EditorCheck {
    /// Id → files holding an object that references it, for finding who a changed object affects.
    static func referencingFiles(_ input: ValidationInput) -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        for (position, references) in input.references.enumerated() {
            let file = input.entries[position].file
            for reference in references { result[reference.targetID, default: []].insert(file) }
        }
        return result
    }
}
