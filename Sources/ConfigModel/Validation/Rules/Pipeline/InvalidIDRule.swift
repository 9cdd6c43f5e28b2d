/// Ids may only hold ASCII letters, digits, `-` and `_`, up to 191 characters. The check runs when a row
/// is created, so settings (never created), a source's auto-bootstrapped property and, outside `config` mode,
/// records (created only by `grouparoo config`, never by `validate` or `apply`; R-PIPE-14) skip it. An id containing `:` is worse,
/// for every class: the dependency sort silently drops the object.
struct InvalidIDRule: EntryRule {
    let description = RuleDescription(
        identifier: "invalid-id",
        summary: "An id has characters other than letters, digits, - and _, or is longer than \(GrouparooLimits.maximumLength) characters.",
        grouparooRules: ["R-ID-02", "R-ID-03", "R-ID-04", "R-PIPE-07", "R-PIPE-14", "R-EDGE-14"], severity: .error,
        triggeringExamples: [
            RuleExample(objects: "{ id: ↓\"data warehouse\", class: \"app\", name: \"DW\", type: \"sqlite\" }"),
            RuleExample(objects: "{ id: ↓\"team:a\", class: \"team\", name: \"Team A\" }"),
        ],
        nonTriggeringExamples: [
            RuleExample(objects: """
                { id: "Data-Warehouse_2", class: "app", name: "DW", type: "sqlite" },
                { id: "any thing goes", class: "setting", pluginName: "core", key: "cluster-name", value: "x" },
                { id: "john smith", class: "record", modelId: "m", properties: {} }
                """),
        ])

    func check(_ entry: ConfigEntry, rows: EntryRows, in config: ValidationInput, into found: inout [Diagnostic]) {
        // Nearly every id is well formed, which rules out a `:` too: nothing else is looked at for it.
        guard let id = entry.id, let configClass = entry.dispatchClass, !GrouparooLimits.isWellFormedID(id) else { return }
        if id.containsByte(UInt8(ascii: ":")) {
            found.append(diagnostic("id `\(id)` contains `:`; Grouparoo silently skips this object, so it is never loaded",
                                    on: entry, severity: .error))
            return
        }
        guard configClass != .setting, configClass.canonical != .record || config.runMode.loadsRecords,
              !config.isBootstrapped(entry) else { return }
        let limit = GrouparooLimits.maximumLength
        let tooLong = id.utf16.count > limit
        let reason = tooLong ? "is \(id.utf16.count) characters long (at most \(limit))"
            : "may only contain ASCII letters, digits, `-` and `_`"
        found.append(diagnostic("id `\(id)` \(reason)", on: entry,
                                grouparoo: "invalid id: `\(id)` - ids must be less than \(limit) characters and not contain "
                                    + "spaces or special characters"))
    }
}
