/// A usage mistake: reported with the command's name and exit code 2.
struct UsageError: Error, Equatable, CustomStringConvertible {
    let message: String

    var description: String { message }
}

/// The result of parsing: positional arguments, and option values already converted to their
/// declared types, read back through the declarations (`arguments[option.format]`).
struct ParsedArguments {
    var positionals: [String] = []
    private var values: [String: [any Sendable]] = [:]
    private var flags: Set<String> = []

    /// The option's value (the last one given), nil when it was not given.
    subscript<Value>(option: Option<Value>) -> Value? { values[option.spec.key]?.last as? Value }
    /// Every value of a repeatable option, in the order given.
    func all<Value>(_ option: Option<Value>) -> [Value] { values[option.spec.key]?.compactMap { $0 as? Value } ?? [] }
    subscript(flag: Flag) -> Bool { flags.contains(flag.spec.key) }
    var wantsHelp: Bool { flags.contains(CommandSpec.helpOption.key) }

    mutating func append(_ value: any Sendable, for option: OptionSpec) { values[option.key, default: []].append(value) }
    mutating func set(_ flag: OptionSpec) { flags.insert(flag.key) }
    func isGiven(_ option: OptionSpec) -> Bool { values[option.key] != nil || flags.contains(option.key) }
}

/// A small, strict argument parser: `--name value`, `--name=value`, `-n value`, flags, and `--`.
/// A value is converted (and a choice checked) here; a separate value may not start with `-`,
/// so `--config-dir --dry-run` is a mistake, not a directory named `--dry-run` (`--config-dir=-x` is).
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
                parsed.set(option)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else if index < arguments.count {
                value = arguments[index]
                index += 1
                if value.hasPrefix("-") {
                    throw UsageError(message: "option '\(spelling)' needs a value <\(option.valueName ?? "value")>, not '\(value)'; "
                        + "write \(option.longName)=\(value) if that is the value")
                }
            } else {
                throw UsageError(message: "option '\(spelling)' needs a value <\(option.valueName ?? "value")>")
            }
            // `--config-dir=` would otherwise mean the working directory.
            if value.isEmpty, [.files, .directories, .paths].contains(option.completion) {
                throw UsageError(message: "option '\(spelling)' needs a value <\(option.valueName ?? "value")>, not an empty one")
            }
            if !option.repeatable, parsed.isGiven(option) {
                throw UsageError(message: "option '\(spelling)' was given more than once")
            }
            switch option.convert(value) {
            case .success(let converted): parsed.append(converted, for: option)
            case .failure(let error): throw error
            }
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
