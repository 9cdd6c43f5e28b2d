/// A destination's `groupId` and `collection` must agree: a group is tracked only with
/// `collection: "group"`, which needs a `groupId` of a group in the destination's model.
struct DestinationTrackingRule: ValidationRule {
    let description = RuleDescription(
        identifier: "destination-tracking",
        summary: "A destination's groupId and collection disagree, or it tracks a group of another model.",
        grouparooRules: ["R-DST-04", "R-DST-09"], severity: .error,
        triggeringExamples: [
            RuleExample(objects: """
                { id: "d", class: "destination", name: "D", type: "t", appId: "a", modelId: "m", groupId: ↓"g" }
                """),
            RuleExample(objects: """
                { id: "d", class: "destination", name: "D", type: "t", appId: "a", modelId: "m", collection: ↓"group" }
                """),
            RuleExample(objects: """
                { id: "g", class: "group", name: "G", modelId: "accounts" },
                { id: "d", class: "destination", name: "D", type: "t", appId: "a", modelId: "m", collection: "group", groupId: ↓"g" }
                """),
        ],
        nonTriggeringExamples: [
            RuleExample(objects: """
                { id: "g", class: "group", name: "G", modelId: "m" },
                { id: "d", class: "destination", name: "D", type: "t", appId: "a", modelId: "m", collection: "group", groupId: "g" },
                { id: "e", class: "destination", name: "E", type: "t", appId: "a", modelId: "m", collection: "model" }
                """),
        ])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        var found: [Diagnostic] = []
        config.destinations.forEachUnretained { destination in
            let entry = destination.entry, collection = destination.config.effectiveCollection
            let groupID = destination.config.groupId
            if let groupID, collection != .known(.group) {
                found.append(diagnostic("`groupId` is set but `collection` is \"\(collection.rawValue)\"; set "
                                        + "`collection: \"group\"` to track the group", on: entry, at: groupID.span,
                                        grouparoo: "cannot track \(groupID.value) without destination collection being \"group\""))
            } else if groupID == nil, collection == .known(.group) {
                found.append(diagnostic("`collection` is \"group\" but there is no `groupId`", on: entry,
                                        at: destination.config.collection?.span,
                                        grouparoo: "undefined is required to track a group"))
            } else if let groupID, let group = config.group(id: groupID.value),
                      let groupModel = group.config.modelId?.value, let modelID = destination.config.modelId?.value,
                      groupModel != modelID {
                found.append(diagnostic("group `\(groupID.value)` belongs to model `\(groupModel)`, but the destination "
                                        + "belongs to model `\(modelID)`", on: entry, at: groupID.span,
                                        grouparoo: "destination \(entry.id ?? "undefined") and group \(groupID.value) do not "
                                            + "share the same modelId", notes: [.definedHere(group.entry)]))
            }
        }
        return found
    }
}
