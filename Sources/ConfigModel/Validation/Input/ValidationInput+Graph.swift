extension ConfigGraph {
    /// The graph of an already indexed config: reuses its references, template variables and
    /// bootstrapped properties, so the graph agrees with what `validate` reports.
    public init(_ config: ValidationInput) {
        self.init(config.graphInput)
    }

    /// The graph of what a config directory read to (plugin checks are not needed for it).
    public init(_ read: ConfigReadResult) {
        self.init(ValidationInput(read: read, plugins: nil))
    }
}

extension ValidationInput {
    /// Each object with its prerequisites: template variables first, then the references R-DEP-02 lists.
    var graphInput: GraphInput {
        GraphInput(objects: entries.map { entry in
            GraphInput.Object(nodeID: entry.nodeID, objectClass: entry.displayClass ?? entry.cleanClass ?? "undefined",
                              objectID: entry.id ?? "undefined", name: Self.recognisableName(entry), file: entry.file,
                              line: entry.span.start.line, prerequisites: prerequisites(of: entry))
        })
    }

    /// Positions of the entries `entry` needs, as `ConfigGraph` links them: only the first object with a
    /// node id provides it (a later one needs nothing), a node no object provides is left out (it needs
    /// nothing either), and so are the entry itself and repeats.
    func prerequisiteProviders(of entry: ConfigEntry) -> [Int] {
        guard nodes[entry.nodeID] == entry.position else { return [] }
        var seen: Set<Int> = [entry.position]
        return prerequisites(of: entry).compactMap { prerequisite in
            guard let provider = nodes[prerequisite.nodeID], seen.insert(provider).inserted else { return nil }
            return provider
        }
    }

    func prerequisites(of entry: ConfigEntry) -> [GraphInput.Prerequisite] {
        let templates = resolvedTemplateVariables(of: entry).map { variable, property in
            // A variable naming a property key depends on that property's id (R-DEP-05); with no such
            // property Grouparoo stops with "no property with key …".
            let objectID = property.map { $0.id ?? "undefined" } ?? "{{\(variable.name)}}"
            return GraphInput.Prerequisite(nodeID: "property:\(objectID)", objectClass: "property", objectID: objectID,
                                           path: "options.\(variable.optionKey) {{\(variable.name)}}", span: variable.span)
        }
        return templates + references[entry.position].map { reference in
            GraphInput.Prerequisite(nodeID: reference.nodeID, objectClass: reference.targetClass, objectID: reference.targetID,
                                    path: reference.path, span: reference.span)
        }
    }

    private static func recognisableName(_ entry: ConfigEntry) -> String? {
        for key in ["name", "key", "email"] {
            if case .string(let text)? = entry.properties[key]?.value, !text.isEmpty { return text }
        }
        return nil
    }
}
