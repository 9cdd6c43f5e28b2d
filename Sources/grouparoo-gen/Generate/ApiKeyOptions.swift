import ConfigModel
import JSEmitter

/// The api key's secret and permissions from `--api-key`, `--api-key-env`, `--read-all`,
/// `--write-all` and `--permission topic:r|w|rw`.
enum ApiKeyOptions {
    static func fill(_ context: inout TemplateContext, request: GenerateRequest) throws {
        switch (request.apiKey, request.apiKeyEnvironmentVariable) {
        case (.some, .some):
            throw GenerateError("use either --api-key or --api-key-env, not both")
        case (let value?, nil):
            guard !value.isEmpty else { throw GenerateError("--api-key needs a non-empty value") }
            context["apiKey"] = .literal(.string(value))
        case (nil, let name?):
            guard isEnvironmentName(name) else {
                throw GenerateError("--api-key-env needs an environment variable name (letters, digits and _, not starting with a digit); got \(JSONOutput.quoted(name))")
            }
            context["apiKey"] = .literal(.environmentVariable(name))
        case (nil, nil):
            context["apiKey"] = .text("")
        }

        let grants = try request.permissions.map(parseGrant)
        if !grants.isEmpty && (request.readAll || request.writeAll) {
            throw GenerateError("--permission cannot be combined with --read-all or --write-all: per-topic permissions only apply while permissionAllRead and permissionAllWrite are null")
        }
        var seen = Set<String>()
        for grant in grants where !seen.insert(grant.topic).inserted {
            throw GenerateError("--permission lists topic \(JSONOutput.quoted(grant.topic)) twice")
        }
        if grants.isEmpty {
            context["permissionAllRead"] = .flag(request.readAll)
            context["permissionAllWrite"] = .flag(request.writeAll)
            context["permissions"] = .text("")
        } else {
            context["permissionAllRead"] = .literal(.null)
            context["permissionAllWrite"] = .literal(.null)
            let list = JSLiteral.array(grants.map { .object(["topic": .string($0.topic), "read": .boolean($0.read), "write": .boolean($0.write)]) })
            context["permissions"] = .literal(list)
        }
    }

    struct Grant: Equatable {
        var topic: String
        var read: Bool
        var write: Bool
    }

    /// `topic:r`, `topic:w` or `topic:rw`, with a topic from the 18 permission topics (case-sensitive,
    /// as Grouparoo matches them).
    static func parseGrant(_ text: String) throws -> Grant {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, ["r", "w", "rw", "wr"].contains(parts[1].lowercased()) else {
            throw GenerateError("--permission must look like topic:r, topic:w or topic:rw (e.g. --permission app:rw); got \(JSONOutput.quoted(text))")
        }
        let topic = parts[0]
        guard PermissionTopic(rawValue: topic) != nil else {
            let topics = PermissionTopic.allCases.map(\.rawValue)
            let close = topics.first { $0.lowercased() == topic.lowercased() }
            let hint = close.map { " (did you mean \(JSONOutput.quoted($0))?)" } ?? ""
            throw GenerateError("unknown permission topic \(JSONOutput.quoted(topic))\(hint); topics: \(topics.joined(separator: ", "))")
        }
        let access = parts[1].lowercased()
        return Grant(topic: topic, read: access.contains("r"), write: access.contains("w"))
    }

    private static func isEnvironmentName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
