import ConfigModel

/// The rule ids users may name (`--disable`, `--enable`, `.grouparoo-gen.json`, `rules <id>`):
/// every rule of `RuleCatalog`, including the ones that report what the reader found.
enum KnownRules {
    static let all: [RuleDescription] = RuleCatalog.all.map(\.description)

    private static let byIdentifier: [String: RuleDescription] =
        Dictionary(all.map { ($0.identifier, $0) }, uniquingKeysWith: { first, _ in first })

    static func description(_ identifier: String) -> RuleDescription? { byIdentifier[identifier] }

    /// A usage-error message for an id no rule has, with the closest known ids.
    static func unknownRuleMessage(_ identifier: String, source: String) -> String {
        let close = ArgumentParser.closestMatches(to: identifier, in: all.map(\.identifier), limit: 3)
        let hint = close.isEmpty ? "" : " (did you mean \(close.map { "'\($0)'" }.joined(separator: ", "))?)"
        return "unknown rule '\(identifier)' in \(source)\(hint); run 'grouparoo-gen rules' to list them"
    }
}
