/// A usage mistake: reported with the command's name and exit code 2.
struct UsageError: Error, Equatable, CustomStringConvertible {
    let message: String

    var description: String { message }
}

/// The result of parsing: positional arguments, option values and flags, keyed by long name.
struct ParsedArguments {
    var positionals: [String] = []
    var values: [String: [String]] = [:]
    var flags: Set<String> = []

    func value(_ key: String) -> String? { values[key]?.last }
    func values(_ key: String) -> [String] { values[key] ?? [] }
    func flag(_ key: String) -> Bool { flags.contains(key) }
    var wantsHelp: Bool { flags.contains("help") }
}

/// A small, strict argument parser: `--name value`, `--name=value`, `-n value`, flags, and `--`.
enum ArgumentParser {
    static func parse(_ arguments: [String], spec: CommandSpec) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        var onlyPositionals = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositionals || !argument.hasPrefix("-") || argument == "-" {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositionals = true
                continue
            }
            var spelling = argument
            var inlineValue: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                spelling = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            guard let option = spec.option(named: spelling) else {
                throw UsageError(message: "unknown option '\(spelling)'" + suggestion(for: spelling, in: spec))
            }
            guard option.takesValue else {
                if inlineValue != nil { throw UsageError(message: "option '\(spelling)' does not take a value") }
                parsed.flags.insert(option.key)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else if index < arguments.count {
                value = arguments[index]
                index += 1
            } else {
                throw UsageError(message: "option '\(spelling)' needs a value <\(option.valueName ?? "value")>")
            }
            if !option.repeatable, parsed.values[option.key] != nil {
                throw UsageError(message: "option '\(spelling)' was given more than once")
            }
            parsed.values[option.key, default: []].append(value)
        }
        return parsed
    }

    /// " (did you mean '--parent'?)" when a known option is a small edit away.
    static func suggestion(for spelling: String, in spec: CommandSpec) -> String {
        let candidates = spec.allOptions.flatMap(\.names).filter { $0.hasPrefix("--") }
        guard let best = closestMatches(to: spelling, in: candidates, limit: 1).first else { return "" }
        return " (did you mean '\(best)'?)"
    }

    /// Names within a small edit distance, closest first.
    static func closestMatches(to word: String, in candidates: [String], limit: Int) -> [String] {
        let lowered = word.lowercased()
        let scored = candidates.map { ($0, editDistance(lowered, $0.lowercased())) }
        let threshold = max(2, lowered.count / 3)
        return scored.filter { $0.1 <= threshold || $0.0.lowercased().contains(lowered) }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            .prefix(limit).map(\.0)
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        for i in 1...x.count {
            var current = [i] + Array(repeating: 0, count: y.count)
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[y.count]
    }
}
