/// Values from Grouparoo's fixed lists: property type, model type, destination sync mode and
/// collection, and the relative-match fields of group rules. Enums are case-sensitive.
struct InvalidEnumRule: ValidationRule {
    let description = RuleDescription(
        identifier: "invalid-enum",
        summary: "A value is not one of the allowed values (property type, model type, syncMode, collection, …).",
        grouparooRules: ["R-PROP-04", "R-MOD-04", "R-DST-05", "R-DST-09", "R-SEQ-05", "R-RULE-07", "R-RULE-08"],
        severity: .error,
        triggeringExamples: [
            RuleExample(objects: "{ id: \"p\", class: \"property\", key: \"p\", type: ↓\"text\", sourceId: \"s\" }"),
            RuleExample(objects: "{ id: \"m\", class: \"model\", name: \"M\", type: ↓\"Profile\" }"),
            RuleExample(objects: """
                { id: "d", class: "destination", name: "D", type: "logger-export-records", appId: "a", modelId: "m",
                  syncMode: ↓"mirror", collection: ↓"everyone" }
                """),
        ],
        nonTriggeringExamples: [
            RuleExample(objects: """
                { id: "p", class: "property", key: "p", type: "phoneNumber", sourceId: "s" },
                { id: "m", class: "model", name: "M", type: "account" },
                { id: "d", class: "destination", name: "D", type: "logger-export-records", appId: "a", modelId: "m",
                  syncMode: "additive", collection: "model" }
                """),
        ])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for property in config.properties {
            guard let type = property.config.type, case .unrecognized(let raw) = type.value else { continue }
            found.append(problem("type", raw, PropertyType.allCases.map(\.rawValue), on: property.entry, at: type.span,
                                 grouparoo: "\(raw) is not an allowed type"))
        }
        for model in config.models {
            guard let type = model.config.type, case .unrecognized(let raw) = type.value else { continue }
            found.append(problem("type", raw, ModelType.allCases.map(\.rawValue), on: model.entry, at: type.span,
                                 grouparoo: "\(raw) is not a valid model type (profile, account, event, custom)"))
        }
        for destination in config.destinations {
            let name = destination.config.effectiveName
            if let mode = destination.config.syncMode, case .unrecognized(let raw) = mode.value {
                found.append(problem("syncMode", raw, SyncMode.allCases.map(\.rawValue), on: destination.entry,
                                     at: mode.span, grouparoo: "\(name) does not support sync mode \"\(raw)\""))
            }
            if let collection = destination.config.collection, case .unrecognized(let raw) = collection.value {
                found.append(problem("collection", raw, DestinationCollection.allCases.map(\.rawValue),
                                     on: destination.entry, at: collection.span,
                                     grouparoo: "\(raw) is not a valid destination collection"))
            }
        }
        for group in config.groups {
            for rule in group.config.rules?.value ?? [] {
                if let direction = rule.relativeMatchDirection, case .unrecognized(let raw) = direction.value,
                   rule.op?.value.knownValue.map({ [.relativeGt, .relativeLt].contains($0) }) != true {
                    found.append(problem("relativeMatchDirection", raw, RelativeMatchDirection.allCases.map(\.rawValue),
                                         on: group.entry, at: direction.span, grouparoo: nil))
                }
                if let unit = rule.relativeMatchUnit, case .unrecognized(let raw) = unit.value {
                    found.append(problem("relativeMatchUnit", raw, RelativeMatchUnit.allCases.map(\.rawValue),
                                         on: group.entry, at: unit.span, grouparoo: nil, severity: .warning,
                                         consequence: "; Grouparoo ignores unknown units silently"))
                }
            }
        }
        return found
    }

    private func problem(_ key: String, _ raw: String, _ allowed: [String], on entry: ConfigEntry, at span: SourceSpan,
                         grouparoo: String?, severity: Severity? = nil, consequence: String = "") -> Diagnostic {
        var message = "`\(key)` \"\(raw)\" is not allowed"
        if let close = allowed.first(where: { $0.lowercased() == raw.lowercased() }) {
            message += "; did you mean \"\(close)\"? (values are case-sensitive)"
        } else {
            message += " (expected one of: \(allowed.joined(separator: ", ")))"
        }
        return diagnostic(message + consequence, on: entry, at: span, grouparoo: grouparoo, severity: severity)
    }
}
