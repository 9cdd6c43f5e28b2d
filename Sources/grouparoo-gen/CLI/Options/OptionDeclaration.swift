/// What a value (of an option or a positional argument) can be completed with, in any shell.
enum CompletionValue: Equatable, Sendable {
    /// Free text (an id, a column, …): nothing to offer.
    case none
    case choices([String])
    case files
    case directories
    /// A file or a directory (config paths).
    case paths
    case rules
    case templates
}

/// Everything known about one option: spellings, value, help and completion. Help text, parsing,
/// completion scripts and the README's option lists are all made from this.
struct OptionSpec: Sendable {
    /// Spellings, e.g. `["-p", "--parent"]`. The last one is the option's key and its name in messages.
    let names: [String]
    /// Placeholder for the value (`column`, `text|json`); nil for a flag.
    let valueName: String?
    let help: String
    var repeatable = false
    /// What the value can be completed with; `.none` for a flag.
    var completion: CompletionValue = .none
    /// Turns the text given into the option's typed value, or says why it cannot (flags: never called).
    var convert: @Sendable (String) -> Result<any Sendable, UsageError> = { .success($0) }

    var key: String { String(longName.drop(while: { $0 == "-" })) }
    var longName: String { names.last! }
    var takesValue: Bool { valueName != nil }
}

/// A declared option; a command's `OptionGroup` holds one per option as a stored property.
protocol OptionDeclaration: Sendable {
    var spec: OptionSpec { get }
}

/// An option taking a value, read back typed: `arguments[option.format]` is a `ReportFormat?`.
struct Option<Value: Sendable>: OptionDeclaration {
    let spec: OptionSpec
}

extension Option {
    /// A value `parse` reads (a number, a list, …); when it returns nil the message says the option
    /// takes `expected` ("a positive number of seconds").
    init(_ names: String..., valueName: String, help: String, expected: String, completion: CompletionValue = .none,
         repeatable: Bool = false, parse: @escaping @Sendable (String) -> Value?) {
        let longName = names.last!
        spec = OptionSpec(
            names: names, valueName: valueName, help: help, repeatable: repeatable, completion: completion,
            convert: { text in
                guard let value = parse(text) else {
                    return .failure(UsageError(message: "option '\(longName)' takes \(expected), not '\(text)'"))
                }
                return .success(value)
            })
        DeclarationRecorder.record(spec)
    }
}

extension Option where Value == String {
    /// Free text, a path (`completion: .files`) or a name with completable choices.
    init(_ names: String..., valueName: String, help: String, completion: CompletionValue = .none, repeatable: Bool = false) {
        spec = OptionSpec(names: names, valueName: valueName, help: help, repeatable: repeatable, completion: completion)
        DeclarationRecorder.record(spec)
    }
}

extension Option where Value: CaseIterable & RawRepresentable, Value.RawValue == String {
    /// One of the enum's cases: the placeholder, the completion and the check all come from `allCases`.
    init(_ names: String..., help: String) {
        let choices = Value.allCases.map(\.rawValue)
        let longName = names.last!
        spec = OptionSpec(
            names: names, valueName: choices.joined(separator: "|"), help: help, completion: .choices(choices),
            convert: { text in
                guard let value = Value(rawValue: text) else {
                    let allowed = choices.map { "'\($0)'" }.joined(separator: ", ")
                    return .failure(UsageError(message: "unknown value '\(text)' for \(longName); use one of \(allowed)"))
                }
                return .success(value)
            })
        DeclarationRecorder.record(spec)
    }
}

/// An option without a value: `arguments[option.strict]` is a `Bool`.
struct Flag: OptionDeclaration {
    let spec: OptionSpec

    init(_ names: String..., help: String) {
        spec = OptionSpec(names: names, valueName: nil, help: help)
        DeclarationRecorder.record(spec)
    }
}

/// A command's options, one stored property each (nested groups are included in place), in the
/// order help and completion list them. Adding an option is adding one property:
///
///     struct Options: OptionGroup {
///         let mode = Option<RunMode>("--mode", help: "…")            // a CaseIterable String enum
///         let envExample = Option<String>("--env-example", valueName: "file", help: "…", completion: .files)
///         let force = Flag("--force", help: "…")
///     }
///     static let option = Options()      // spec: `options: Options.specs`
///     // in run: arguments[option.mode] ?? .validate, arguments[option.force]
///
/// then `Scripts/update-readme-options.sh` rewrites README.md's list.
protocol OptionGroup: Sendable {
    init()
}

extension OptionGroup {
    /// Every declared option, in declaration order: making the group initialises its stored
    /// properties in that order (a nested group's in place), and each `Option` and `Flag` made
    /// meanwhile records its spec. (Reading the properties back with `Mirror` and an `as?` per
    /// property type cost more than the rest of a `validate` run's start.)
    static var specs: [OptionSpec] {
        let recorder = DeclarationRecorder()
        DeclarationRecorder.$current.withValue(recorder) { _ = Self() }
        return recorder.specs
    }
}

/// Collects the specs of the options made while `OptionGroup.specs` makes a group.
private final class DeclarationRecorder: @unchecked Sendable {
    @TaskLocal static var current: DeclarationRecorder?
    /// Appended to only by the thread making the group.
    private(set) var specs: [OptionSpec] = []

    static func record(_ spec: OptionSpec) { current?.specs.append(spec) }
}

/// For commands without options.
struct NoOptions: OptionGroup {}
