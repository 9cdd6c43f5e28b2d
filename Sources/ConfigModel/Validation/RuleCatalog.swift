/// Every rule `grouparoo-gen` knows, in the order `rules` lists them: reader problems first, then
/// Grouparoo's pipeline order (ids, classes, keys, values, references, per-class rules), then plugin
/// rules, then checks that go beyond Grouparoo.
public enum RuleCatalog {
    public static let all: [any ValidationRule] = reader + pipeline + values + references
        + perClass + access + plugins + beyondGrouparoo

    private static let reader: [any ValidationRule] = [
        SyntaxErrorRule(), EvaluationErrorRule(), NeedsNodeRule(), UnsetEnvVarRule(), EnvVarNotInExampleRule(), InvalidUtf8Rule(), NullConfigObjectRule(),
        UnreadableFileRule(), NodeEvaluationErrorRule(),
    ]

    private static let pipeline: [any ValidationRule] = [
        MissingIDRule(), DuplicateIDRule(), UnknownClassRule(), DeprecatedClassRule(), UnknownKeyRule(),
        InvalidIDRule(), DuplicateNameRule(), DuplicateKeyRule(), DuplicateEmailRule(), DuplicateAPIKeyRule(),
    ]
    private static let values: [any ValidationRule] = [
        MissingRequiredFieldRule(), InvalidValueTypeRule(), InvalidLengthRule(), InvalidEnumRule(), InvalidEmailRule(),
        OptionValueTypeRule(),
    ]
    private static let references: [any ValidationRule] = [
        UnknownReferenceRule(), DependencyCycleRule(), TemplateSyntaxRule(), TemplatePropertyUnavailableRule(), ModelMismatchRule(),
        DestinationTrackingRule(), DuplicateDestinationRule(),
    ]
    private static let perClass: [any ValidationRule] = [
        BootstrapNotUniqueRule(), BootstrapIsArrayRule(), BootstrapWithoutOptionsRule(), OnePrimarySourcePerModelRule(),
        SourceMappingRule(), OneSchedulePerSourceRule(), ScheduleMappingNotUniqueRule(), ScheduleFrequencyTooLowRule(),
        InvalidGroupRuleOpRule(), PostgresOnlyGroupRuleOpRule(), GroupRuleNeedsMatchRule(), TooManyGroupRulesRule(),
        ManualGroupRule(), DeprecatedFilterOpRule(), ReservedPropertyKeyRule(), UniqueArrayPropertyRule(),
        UniqueThroughNonUniqueMappingRule(), InvalidRemoteKeyRule(),
        DeprecatedKeyRule(), RecordPropertiesRule(),
    ]
    private static let access: [any ValidationRule] = [
        UnknownPermissionTopicRule(), IneffectivePermissionsRule(), UnregisteredSettingRule(), InvalidSettingValueRule(),
    ]
    private static let plugins: [any ValidationRule] = [
        UnknownPluginTypeRule(), PluginNotInstalledRule(), IncompatibleAppTypeRule(), MissingRequiredOptionRule(), UnknownOptionRule(),
        InvalidOptionValueRule(), UnsupportedSyncModeRule(), SourceMappingRequiredRule(), UnsupportedScheduleRule(),
        UnsupportedRefreshQueryRule(), RefreshQueryTextRule(), SqliteMemoryDatabaseRule(),
        UnsupportedFiltersRule(),
    ]
    private static let beyondGrouparoo: [any ValidationRule] = [
        IgnoredKeyRule(), HardcodedSecretRule(), TemplatePlaceholderRule(), UnreferencedObjectRule(), UnusedSuppressionRule(),
    ]

    private static let byIdentifier: [String: any ValidationRule] = {
        var result: [String: any ValidationRule] = [:]
        for rule in all where result[rule.description.identifier] == nil { result[rule.description.identifier] = rule }
        return result
    }()

    /// The rule with this identifier, or `nil`.
    public static func rule(_ identifier: String) -> (any ValidationRule)? { byIdentifier[identifier] }
}
