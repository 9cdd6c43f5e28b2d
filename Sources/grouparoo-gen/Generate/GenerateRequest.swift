/// Everything `generate` was asked for, already read from the command line (and, for
/// `--from-csv`, the file's text), so planning needs no I/O.
struct GenerateRequest: Sendable, Equatable {
    var templateName: String
    var id: String
    var parent: String?
    var from: String?
    var with: String?
    /// Text of the `--from-csv` file.
    var csvText: String?
    var mapping: String?
    var highWaterMark: String?
    var syncMode: String?
    /// `--model`: the model of a group, source or destination.
    var model: String?
    /// `--email` of a team member.
    var email: String?
    var pluginName: String?
    var key: String?
    var value: String?
    var apiKey: String?
    var apiKeyEnvironmentVariable: String?
    var readAll = false
    var writeAll = false
    /// Raw `--permission` values, e.g. `app:rw`.
    var permissions: [String] = []
    /// For `schedule`: the `type` of the `--parent` source, when the config dir defines it (read
    /// by the command, not an option), so the schedule gets the options that type requires.
    var parentSourceType: String?
    /// Ids of the models the config dir defines (read by the command, not an option), so a group,
    /// source or destination belongs to the only one without `--model`.
    var existingModelIds: [String] = []

    init(templateName: String, id: String) {
        self.templateName = templateName
        self.id = id
    }

    /// The secrets given on the command line, which output never shows: `--api-key` (no registered
    /// setting has a secret `--key`, so `--value` is none).
    var secretValues: Set<String> {
        Set([apiKey].compactMap { $0 }.filter { !$0.isEmpty })
    }

    /// Names (as in `GeneratorInput.name`) of the template-specific options that were given,
    /// so a template can refuse options it would silently ignore.
    var givenInputs: [String] {
        GenerateCommand.Options.requestInputs.filter { $0.isGiven(in: self) }.map(\.spec.key)
    }
}

/// One file `generate` will write, relative to the config dir (always with `/` separators).
struct PlannedFile: Sendable, Equatable {
    var relativePath: String
    var contents: String
}

/// The complete outcome of planning: files to write and notices to print first.
struct GenerationPlan: Sendable, Equatable {
    var templateName: String
    var id: String
    var files: [PlannedFile]
    var notices: [String]
}

/// A user-facing `generate` error; `description` is the whole message.
struct GenerateError: Error, Equatable, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
