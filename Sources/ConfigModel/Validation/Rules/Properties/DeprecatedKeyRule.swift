/// Keys Grouparoo still accepts with a deprecation warning: `schedule.confirmProfiles`,
/// `property.identifying`, and a group `type` other than `manual`.
struct DeprecatedKeyRule: ValidationRule {
    let description = RuleDescription(
        identifier: "deprecated-key", summary: "A key is deprecated (confirmProfiles, identifying, group type).",
        grouparooRules: ["R-SCH-01", "R-PROP-12", "R-GRP-06"], severity: .warning,
        triggeringExamples: [
            RuleExample(objects: "{ id: \"s\", class: \"schedule\", name: \"S\", sourceId: \"src\", ↓confirmProfiles: true }"),
            RuleExample(objects: "{ id: \"p\", class: \"property\", key: \"p\", type: \"string\", sourceId: \"s\", ↓identifying: true }"),
        ],
        nonTriggeringExamples: [
            RuleExample(objects: "{ id: \"s\", class: \"schedule\", name: \"S\", sourceId: \"src\", confirmRecords: true }"),
        ])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        var found: [Diagnostic] = []
        config.schedules.forEachUnretained { schedule in
            guard schedule.config.usesDeprecatedConfirmProfiles else { return }
            found.append(diagnostic("`confirmProfiles` is deprecated; use `confirmRecords`", on: schedule.entry,
                                    at: schedule.entry.keySpan(of: "confirmProfiles"),
                                    grouparoo: "[config] - deprecation warning: `schedule.confirmProfiles` has been "
                                        + "changed to `schedule.confirmRecords` and will be removed in a future release"))
        }
        config.properties.forEachUnretained { property in
            guard property.config.identifying?.value == true else { return }
            found.append(diagnostic("`identifying` has been removed and is ignored", on: property.entry,
                                    at: property.entry.keySpan(of: "identifying"),
                                    grouparoo: "[config] - deprecation warning: `Property`.`identifying` has been "
                                        + "removed and will throw an error in a future release"))
        }
        config.groups.forEachUnretained { group in
            guard let type = group.config.type, !type.value.isEmpty, type.value != "manual" else { return }
            found.append(diagnostic("group `type` has been removed and is ignored", on: group.entry,
                                    at: group.entry.keySpan(of: "type"),
                                    grouparoo: "[config] - deprecation warning: `Group`.`type` has been removed and will "
                                        + "throw an error in a future release"))
        }
        return found
    }
}
