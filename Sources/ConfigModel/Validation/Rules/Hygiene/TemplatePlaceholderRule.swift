/// `grouparoo generate` templates write `"..."` where a value is still needed; a value left that way
/// is almost certainly unfinished.
struct TemplatePlaceholderRule: EntryRule {
    let description = RuleDescription(
        identifier: "template-placeholder", summary: "A value is still the \"...\" placeholder from a template.",
        grouparooRules: [], severity: .warning,
        triggeringExamples: [RuleExample(objects: """
            { id: "m", class: "teamMember", teamId: "t", email: ↓"...", options: { firstName: "A", lastName: ↓"..." } }
            """)],
        nonTriggeringExamples: [RuleExample(objects: """
            { id: "m", class: "teamMember", teamId: "t", email: "a@b.co", options: { firstName: "A", lastName: "Ellipsis..." } }
            """)])

    func check(_ entry: ConfigEntry, rows: EntryRows, in config: ValidationInput, into found: inout [Diagnostic]) {
        // Few objects hold a placeholder: a walk that spells out no paths finds them first.
        guard entry.withProperties(Self.containsPlaceholder) else { return }
        // Iterative walk: config values can nest deeply and must not overflow the stack.
        // A value's path is spelled out only for containers and placeholders, not for every value.
        var pending: [(place: PathStep, value: LocatedValue)] = entry.properties.properties.map { (.key(nil, $0.key), $0.value) }
        while let (place, located) = pending.popLast() {
            switch located.value {
            case .string(let text) where TemplatePlaceholderRule.isPlaceholder(text):
                found.append(diagnostic("`\(place.path)` is still the template placeholder \"...\"", on: entry,
                                        at: located.span))
            case .object(let object):
                let path = place.path
                pending += object.properties.map { (.key(path, $0.key), $0.value) }
            case .array(let elements):
                let path = place.path
                pending += elements.enumerated().map { (.index(path, $0.offset), $0.element) }
            default:
                break
            }
        }
    }

    /// Where a value sits: a key (of the object at the parent path, nil at the top level) or an array index.
    private enum PathStep {
        case key(String?, String)
        case index(String, Int)

        var path: String {
            switch self {
            case .key(nil, let key): return key
            case .key(let parent?, let key): return "\(parent).\(key)"
            case .index(let parent, let offset): return "\(parent)[\(offset)]"
            }
        }
    }

    /// Whether any string value inside `object` is a placeholder. Recursive, reading values in place by index
    /// (copying each one costs most): values nest at most `LocatedValue.maximumDepth` levels.
    private static func containsPlaceholder(_ object: JSObject) -> Bool {
        object.properties.indices.contains { containsPlaceholder(object.properties[$0].value.value) }
    }

    private static func containsPlaceholder(_ value: JSValue) -> Bool {
        switch value {
        case .string(let text): return isPlaceholder(text)
        case .object(let object): return containsPlaceholder(object)
        case .array(let elements): return elements.indices.contains { containsPlaceholder(elements[$0].value) }
        default: return false
        }
    }

    /// `"..."`, ignoring surrounding spaces and tabs. Checked on every string in the config, so it reads
    /// bytes and stops at the first one that rules it out.
    static func isPlaceholder(_ text: String) -> Bool {
        // The first byte rules out nearly every string, without starting a walk over the bytes.
        guard let first = text.utf8.first, first == UInt8(ascii: ".") || first == UInt8(ascii: " ") || first == UInt8(ascii: "\t")
        else { return false }
        var (dots, dotsEnded) = (0, false)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: ".") where !dotsEnded: dots += 1
            case UInt8(ascii: " "), UInt8(ascii: "\t"): dotsEnded = dots > 0
            default: return false
            }
        }
        return dots == 3
    }
}
