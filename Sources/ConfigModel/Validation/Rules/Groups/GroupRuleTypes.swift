/// Resolves each group rule to the type whose ops apply: a top-level rule's own type, else the
/// property's (found by `propertyId`, or by `key`).
enum GroupRuleTypes {
    struct Use {
        let group: ConfigEntry
        let rule: GroupRuleConfig
        /// `nil` when the property is unknown or has an invalid type (reported elsewhere).
        let type: PropertyType?
        let topLevel: Bool
        let label: String
    }

    /// Checks each group rule as it is resolved. The uses are not gathered in a list: each holds a
    /// copy of its rule's model, which at 50k files added ~15 MB to the peak while two rules ran.
    /// Rules `include` turns down are passed over before their property is looked up.
    static func diagnostics(in config: ValidationInput, including include: (GroupRuleConfig) -> Bool = { _ in true },
                            _ check: (Use) -> Diagnostic?) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func visit(_ use: Use) {
            if let diagnostic = check(use) { diagnostics.append(diagnostic) }
        }
        for group in config.groups {
            for rule in group.config.rules?.value ?? [] {
                guard case .object = rule.raw.value, include(rule) else { continue }
                if let topLevel = rule.topLevelRule {
                    visit(Use(group: group.entry, rule: rule, type: topLevel.type, topLevel: true, label: topLevel.key))
                    continue
                }
                var property: Decoded<PropertyConfig>?
                if let id = rule.propertyId?.value {
                    property = config.property(id: id)
                } else if let key = rule.key?.value, let id = config.propertyEntry(key: key)?.id {
                    property = config.property(id: id)
                }
                guard let property else { continue }
                visit(Use(group: group.entry, rule: rule, type: property.config.type?.value.knownValue,
                          topLevel: false, label: property.config.effectiveKey))
            }
        }
        return diagnostics
    }

    /// Ops a config may write for a type: the dictionary's plus the convenience forms that convert into it.
    static func configOps(for type: PropertyType, dialect: SQLDialect) -> [GroupRuleOp] {
        GroupRuleOp.allCases.filter { $0.isAccepted(for: type, dialect: dialect) }
    }
}
