/// Everything rules look at, built once per run and shared: the read result, every object as a
/// `ConfigEntry` with its typed model, per-class lists, and dictionary indexes so each rule stays
/// linear in the size of the config.
public struct ValidationInput: Sendable {
    public let read: ConfigReadResult
    /// `read.diagnostics`, gathered from every file once: a dozen rules and the validator go through them.
    let readerDiagnostics: [Diagnostic]
    /// Every object Grouparoo processes, in config order (`entries[i].position == i`).
    public let entries: [ConfigEntry]
    /// Diagnostics from decoding values into typed models (`invalid-value-type`).
    public let decodeDiagnostics: [Diagnostic]
    /// Decides which string group-rule ops exist (R-OPS-03).
    public let dialect: SQLDialect
    /// Plugin definitions; `nil` turns the plugin rules off.
    public let plugins: PluginCatalog?
    /// Which Grouparoo command's checks apply; rules that check records in part ask `runMode.loadsRecords`.
    public let runMode: RunMode
    /// The plugins the project's package.json loads; nil when it does not say.
    public var installation: PluginInstallation?

    public let settings: [Decoded<SettingConfig>]
    public let models: [Decoded<ModelConfig>]
    public let apps: [Decoded<AppConfig>]
    public let sources: [Decoded<SourceConfig>]
    public let properties: [Decoded<PropertyConfig>]
    public let schedules: [Decoded<ScheduleConfig>]
    public let groups: [Decoded<GroupConfig>]
    public let destinations: [Decoded<DestinationConfig>]
    public let apiKeys: [Decoded<ApiKeyConfig>]
    public let teams: [Decoded<TeamConfig>]
    public let teamMembers: [Decoded<TeamMemberConfig>]
    public let records: [Decoded<RecordConfig>]

    /// Id → every entry with that id, any class (for "did you mean the property with this id" notes).
    let entriesByID: PositionsByID
    /// Dependency node id → first entry providing it (R-DEP-01).
    let nodes: NodeLookup
    /// Each entry's index in its typed list, by position (-1 without a model): typed lookups by id go through
    /// `entriesByID` (a table per class cost a hash of every id on the serial stage, and kept every id again).
    let typedIndices: [Int32]
    /// Exact property key (`key || name`) → first property entry, for template variables (R-DEP-05).
    let propertyEntriesByKey: PropertyKeyTable
    /// Source entry position → its auto-bootstrapped property's position (R-SRC-05).
    public let bootstrappedProperties: [Int: Int]
    let bootstrappedPropertyPositions: Set<Int>
    /// References of each entry, indexed by position, each resolved to its provider (R-DEP-02).
    public let references: ReferencesByPosition
    /// For each entry, the position of the entry providing its node id: itself, or an earlier object with the
    /// same class and id (R-DEP-01).
    let nodeProviders: [Int]
    /// Template variables of each property entry, by position (R-DEP-05).
    public let templateVariables: [Int: [TemplateVariable]]
    public let templateProblems: [Int: [TemplateSyntaxProblem]]
    /// Source text of the files only Node can evaluate, so objects may be missing from `entries`. Rules that
    /// conclude something is absent soften that only when such a file mentions it.
    let unevaluatedFiles: UnevaluatedFiles
    /// Objects whose `options` a plugin defines, with the definitions that apply (empty without a catalog).
    private(set) var pluginOptionTargets: [PluginOptionTarget] = []

    /// The fewest entries a worker takes in the stages that go through every entry (decoding, references, rules):
    /// for fewer, starting a thread costs more than it saves.
    static let entriesPerWorker = 256

    public init(read: ConfigReadResult, dialect: SQLDialect = .sqlite, plugins: PluginCatalog? = PluginCatalog.bundled,
                runMode: RunMode = .default) {
        let builder = ValidationInputBuilder(read: read)
        self.read = read
        readerDiagnostics = read.diagnostics
        self.dialect = dialect
        self.plugins = plugins
        self.runMode = runMode
        decodeDiagnostics = builder.decodeDiagnostics
        settings = builder.settings
        models = builder.models
        apps = builder.apps
        sources = builder.sources
        properties = builder.properties
        schedules = builder.schedules
        groups = builder.groups
        destinations = builder.destinations
        apiKeys = builder.apiKeys
        teams = builder.teams
        teamMembers = builder.teamMembers
        records = builder.records
        typedIndices = builder.typedIndices
        unevaluatedFiles = UnevaluatedFiles(read)
        propertyEntriesByKey = builder.propertyEntriesByKey
        let (entries, byID, lookup, providers, bootstrapped) = builder.indexes.result()
        self.entries = entries
        entriesByID = byID
        nodes = lookup
        nodeProviders = providers
        bootstrappedProperties = bootstrapped
        bootstrappedPropertyPositions = Set(bootstrapped.values)
        let collected = LargeStack.parallelMap(entries.count, minimumPerWorker: Self.entriesPerWorker,
                                               makeState: { ScratchStack<ConfigReference>() }) { index, found in
            let entry = entries[index]
            // Only sources have a bootstrapped property: the others skip hashing their position.
            let propertyID = entry.cleanClass == "source" ? bootstrapped[index].flatMap { entries[$0].id } : nil
            ReferenceCollector.collect(of: entry, bootstrappedPropertyID: propertyID, into: found)
            let references = found.moveOutBuffer(from: 0)  // `ReferencesByPosition` moves them on
            for reference in references.indices {
                references[reference].provider = lookup.provider(class: references[reference].targetClass,
                                                                 id: references[reference].targetID)
            }
            return (references: references, templates: ReferenceCollector.templates(of: entry))
        }
        // The other tables are made on another core while this one lays the references out.
        let tables = LargeStack.Background(worthAThread: entries.count >= Self.entriesPerWorker) {
            var variables: [Int: [TemplateVariable]] = [:]
            var problems: [Int: [TemplateSyntaxProblem]] = [:]
            for (position, item) in collected.enumerated() {
                let found = item.templates
                if !found.variables.isEmpty { variables[position] = found.variables }
                if !found.problems.isEmpty { problems[position] = found.problems }
            }
            return (variables: variables, problems: problems)
        }
        references = ReferencesByPosition(movingFrom: collected.lazy.map(\.references))
        (templateVariables, templateProblems) = tables.result()
        if let plugins { pluginOptionTargets = PluginOptionTarget.all(in: self, plugins: plugins) }
    }

    /// Number of files read.
    public var fileCount: Int { read.files.count }

    // MARK: - Lookups

    /// The entry providing a dependency node, e.g. `app:data_warehouse` (class as Grouparoo spells the prefix).
    public func entry(nodeID: String) -> ConfigEntry? { nodes.provider(nodeID: nodeID).map { entries[$0] } }

    /// Every entry with this id, whatever its class.
    public func entries(withID id: String) -> [ConfigEntry] { entriesByID[id].map { entries[$0] } }

    // Typed lookups by id: the first object of the class with the id wins when ids repeat (duplicates are reported
    // separately).
    public func model(id: String) -> Decoded<ModelConfig>? { first(id, .model, models) }
    public func app(id: String) -> Decoded<AppConfig>? { first(id, .app, apps) }
    public func source(id: String) -> Decoded<SourceConfig>? { first(id, .source, sources) }
    public func property(id: String) -> Decoded<PropertyConfig>? { first(id, .property, properties) }
    public func group(id: String) -> Decoded<GroupConfig>? { first(id, .group, groups) }
    public func team(id: String) -> Decoded<TeamConfig>? { first(id, .team, teams) }

    /// The first entry with this id whose model is in `list` (of class `configClass`).
    private func first<Model>(_ id: String, _ configClass: ConfigClass, _ list: [Decoded<Model>]) -> Decoded<Model>? {
        let position = entriesByID.first(withID: id) { entries[$0].dispatchClass == configClass && typedIndices[$0] >= 0 }
        guard let position else { return nil }
        return list[Int(typedIndices[position])]
    }

    /// The property entry whose key (`key || name`) is exactly `key` (R-DEP-05).
    public func propertyEntry(key: String) -> ConfigEntry? { propertyEntriesByKey[key].map { entries[$0] } }

    /// The model a property belongs to: its source's `modelId`.
    public func modelID(ofProperty property: PropertyConfig) -> String? {
        property.sourceId.flatMap { source(id: $0.value) }?.config.modelId?.value
    }

    /// The auto-bootstrapped property of a source, if any (R-SRC-05).
    public func bootstrappedProperty(of source: ConfigEntry) -> ConfigEntry? {
        bootstrappedProperties[source.position].map { entries[$0] }
    }

    /// True when the property entry is some source's auto-bootstrapped property.
    public func isBootstrapped(_ property: ConfigEntry) -> Bool { bootstrappedPropertyPositions.contains(property.position) }

    /// Template variables resolved to property ids; `nil` id when no property has that key.
    public func resolvedTemplateVariables(of entry: ConfigEntry) -> [(variable: TemplateVariable, property: ConfigEntry?)] {
        (templateVariables[entry.position] ?? []).map { ($0, propertyEntry(key: $0.name)) }
    }
}
