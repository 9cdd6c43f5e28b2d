/// Resolves each group rule to the type whose ops apply: a top-level rule's own type, else the
/// property's (found by `propertyId`, or by `key`).
enum GroupRuleTypes {
    struct Use {
        let group: ConfigEntry
        /// `nil` when the property is unknown or has an invalid type (reported elsewhere).
        let type: PropertyType?
        let topLevel: Bool
        let label: String
        /// The group's rules and this one's place among them: the rule is read where it is, field by field (a copy of
        /// its model retained every field).
        let rules: [GroupRuleConfig]
        let index: Int

        var op: Field<EnumValue<GroupRuleOp>>? { rules[index].op }
        /// The rule's properties as written.
        var object: JSObject { rules[index].object }
        var span: SourceSpan { rules[index].raw.span }
    }

    /// Checks each group rule as it is resolved. Rules whose op `include` turns down are passed over before their
    /// property is looked up.
    static func diagnostics(in config: ValidationInput, including include: (GroupRuleOp?) -> Bool = { _ in true },
                            _ check: (Use) -> Diagnostic?) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        config.groups.forEachUnretained { group in
            let rules = group.config.rules?.value ?? []
            for index in rules.indices {
                guard case .object = rules[index].raw.value, include(rules[index].op?.value.knownValue) else { continue }
                let use: Use
                if let topLevel = rules[index].topLevelRule {
                    use = Use(group: group.entry, type: topLevel.type, topLevel: true, label: topLevel.key, rules: rules, index: index)
                } else {
                    var property: Decoded<PropertyConfig>?
                    if let id = rules[index].propertyId?.value {
                        property = config.property(id: id)
                    } else if let key = rules[index].key?.value, let id = config.propertyEntry(key: key)?.id {
                        property = config.property(id: id)
                    }
                    guard let property else { continue }
                    use = Use(group: group.entry, type: property.config.type?.value.knownValue, topLevel: false,
                              label: property.config.effectiveKey, rules: rules, index: index)
                }
                if let diagnostic = check(use) { diagnostics.append(diagnostic) }
            }
        }
        return diagnostics
    }

    /// Ops a config may write for a type: the dictionary's plus the convenience forms that convert into it.
    static func configOps(for type: PropertyType, dialect: SQLDialect) -> [GroupRuleOp] {
        GroupRuleOp.allCases.filter { $0.isAccepted(for: type, dialect: dialect) }
    }
}
