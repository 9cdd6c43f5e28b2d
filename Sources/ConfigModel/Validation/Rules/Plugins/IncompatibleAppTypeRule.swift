/// A source or destination's connection must support its app's type, and must move records the
/// right way (sources import, destinations export).
struct IncompatibleAppTypeRule: ValidationRule {
    let description = RuleDescription(
        identifier: "incompatible-app-type",
        summary: "A source or destination type does not work with its app's type, or goes the wrong direction.",
        grouparooRules: ["R-SRC-03", "R-DST-03"], severity: .error,
        triggeringExamples: [
            RuleExample(objects: """
                { id: "dw", class: "app", name: "DW", type: "mysql", options: { database: "x" } },
                { id: "s", class: "source", name: "S", type: ↓"postgres-import-table", appId: "dw", modelId: "m" }
                """),
            RuleExample(objects: """
                { id: "dw", class: "app", name: "DW", type: "postgres", options: { database: "x" } },
                { id: "d", class: "destination", name: "D", type: ↓"postgres-import-table", appId: "dw", modelId: "m" }
                """),
        ],
        nonTriggeringExamples: [
            RuleExample(objects: """
                { id: "dw", class: "app", name: "DW", type: "postgres", options: { database: "x" } },
                { id: "s", class: "source", name: "S", type: "postgres-import-table", appId: "dw", modelId: "m" },
                { id: "d", class: "destination", name: "D", type: "postgres-export-records", appId: "dw", modelId: "m" }
                """),
        ])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        guard let plugins = config.plugins else { return [] }
        var found: [Diagnostic] = []
        // Each object is looked at where it is: a combined list of tuples copied every object's fields.
        func inspect(_ entry: ConfigEntry, _ typeField: Field<String>?, _ appID: Field<String>?, _ kind: String,
                   _ direction: ConnectionDirection) {
            guard let typeField, let connection = plugins.connections[typeField.value] else { return }
            let type = typeField.value
            if connection.direction != direction {
                let wanted = direction == .importing ? "an import" : "an export"
                found.append(diagnostic("`\(type)` is an \(connection.direction.rawValue) connection; a \(kind.lowercased()) "
                                        + "needs \(wanted) connection", on: entry, at: typeField.span,
                                        grouparoo: kind == "Destination" ? "a destination of type \(type) cannot be "
                                            + "created as there are no record export methods" : nil))
                return
            }
            guard let app = appID.flatMap({ config.app(id: $0.value) }), let appType = app.config.type?.value,
                  plugins.apps.index(forKey: appType) != nil, !connection.apps.contains(appType) else { return }
            let appName = app.config.effectiveName, appIdentifier = app.entry.id ?? ""
            found.append(diagnostic("\(kind.lowercased()) type `\(type)` does not work with app `\(appIdentifier)` of type "
                                    + "`\(appType)` (supported app types: \(connection.apps.joined(separator: ", ")))",
                                    on: entry, at: typeField.span,
                                    grouparoo: "\(kind) of type \"\(type)\" does not support the App `\(appName)` "
                                        + "(\(appIdentifier)) of type \"\(appType)\". Supported App types: "
                                        + "\(connection.apps.joined(separator: ", ")).",
                                    notes: [.definedHere(app.entry)]))
        }
        config.sources.forEachUnretained { source in inspect(source.entry, source.config.type, source.config.appId, "Source", .importing) }
        config.destinations.forEachUnretained { destination in
            inspect(destination.entry, destination.config.type, destination.config.appId, "Destination", .exporting)
        }
        return found
    }
}
