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

    /// Positions of the entries `entry` needs, in prerequisite order, as `ConfigGraph` links them: only
    /// the first object with a node id provides it (a later one needs nothing), and a node no object
    /// provides is left out (it needs nothing either), as is the entry itself. Repeats are kept: they
    /// change neither the cycles nor the shortest one. Appended to `providers`: the cycle search keeps every
    /// entry's in one list (a list per entry cost an allocation each).
    func appendPrerequisiteProviders(of entry: ConfigEntry, to providers: inout [Int]) {
        guard nodeProviders[entry.position] == entry.position else { return }
        let references = self.references[entry.position]
        let variables = templateVariables[entry.position] ?? []
        func link(_ nodeID: String) {
            if let provider = nodes.provider(nodeID: nodeID), provider != entry.position { providers.append(provider) }
        }
        for variable in variables {
            link("property:\(Self.templateTargetID(variable, propertyEntry(key: variable.name)))")
        }
        // By index: only the provider is read, not a copy of each reference.
        for index in references.indices {
            if let provider = references[index].provider, provider != entry.position { providers.append(provider) }
        }
    }

    func prerequisites(of entry: ConfigEntry) -> [GraphInput.Prerequisite] {
        let templates = resolvedTemplateVariables(of: entry).map { variable, property in
            let objectID = Self.templateTargetID(variable, property)
            return GraphInput.Prerequisite(nodeID: "property:\(objectID)", objectClass: "property", objectID: objectID,
                                           path: "options.\(variable.optionKey) {{\(variable.name)}}", span: variable.span)
        }
        return templates + references[entry.position].map { reference in
            GraphInput.Prerequisite(nodeID: reference.nodeID, objectClass: reference.targetClass, objectID: reference.targetID,
                                    path: reference.path, span: reference.span)
        }
    }

    /// A variable naming a property key depends on that property's id (R-DEP-05); with no such property
    /// Grouparoo stops with "no property with key …".
    private static func templateTargetID(_ variable: TemplateVariable, _ property: ConfigEntry?) -> String {
        guard let property else { return "{{\(variable.name)}}" }
        return property.id ?? "undefined"
    }

    private static func recognisableName(_ entry: ConfigEntry) -> String? {
        for key in ["name", "key", "email"] {
            if case .string(let text)? = entry.properties[key]?.value, !text.isEmpty { return text }
        }
        return nil
    }
}
