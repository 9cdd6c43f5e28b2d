import ConfigModel
import Foundation

/// Reads the rendered files back, statically, before anything is written: a template from
/// `--templates` can render JavaScript that does not parse, and an id can come out longer than
/// Grouparoo accepts. Those are refused; a name `validate` would reject only gets a notice, since
/// the user is about to edit the file anyway.
enum GeneratedFileCheck {
    struct Outcome: Equatable {
        /// Reasons to write nothing.
        var errors: [String] = []
        var notices: [String] = []
    }

    /// Grouparoo's longest id and name (R-ID-02, the varchar(191) columns).
    static let maximumLength = 191
    /// Classes whose `name` needs at least 3 characters (R-KEY-02, R-TEAM-02).
    static let minimumNameLength: [String: Int] = ["apiKey": 3, "team": 3]

    /// `targets` are the absolute paths the files would be written to (same order as `files`);
    /// `display` shortens a path for messages.
    static func check(_ files: [PlannedFile], targets: [String], display: (String) -> String) -> Outcome {
        var outcome = Outcome()
        let reader = ConfigReader(options: ReaderOptions(environment: [:]))
        for (file, target) in zip(files, targets) where target.hasSuffix(".js") || target.hasSuffix(".json") {
            let result = reader.read(contents: Array(file.contents.utf8), path: target)
            if let syntax = result.diagnostics.first(where: { $0.readerProblem == .syntaxError }) {
                let position = syntax.span.map { ":\($0.start.line):\($0.start.column)" } ?? ""
                outcome.errors.append("\(display(target))\(position): the rendered file is not valid JavaScript: "
                    + ControlCharacters.escaped(syntax.message) + " (check the template)")
                continue
            }
            for object in result.objects {
                guard case .object(let members) = object.value else { continue }
                let className = string(members["class"])
                if let id = string(members["id"]), id.utf16.count > maximumLength {
                    outcome.errors.append("the id \"\(id.prefix(40))…\" in \(display(target)) is \(id.utf16.count) characters long; "
                        + "Grouparoo allows at most \(maximumLength) (R-ID-02): use a shorter id")
                }
                if let className, let minimum = minimumNameLength[className], let name = string(members["name"]),
                   name.utf16.count < minimum {
                    outcome.notices.append("Grouparoo requires \(className) names of \(minimum)–\(maximumLength) characters; "
                        + "\(JSONOutput.quoted(ControlCharacters.escaped(name))) in \(display(target)) is too short, so `validate` "
                        + "will report it (invalid-length) until you change `name`")
                }
            }
        }
        return outcome
    }

    private static func string(_ value: LocatedValue?) -> String? {
        if case .string(let text)? = value?.value { return text }
        return nil
    }
}
