/// Secrets written into config files end up in version control. Flags string literals under secret-like
/// option keys (password, token, apiKey, private_key, …), team member passwords, api key values, and
/// values shaped like well-known tokens. The value itself is never printed.
struct HardcodedSecretRule: ValidationRule {
    let description = RuleDescription(
        identifier: "hardcoded-secret",
        summary: "A password, token or key is written literally in config instead of read from the environment.",
        grouparooRules: [], severity: .warning,
        triggeringExamples: [
            RuleExample(objects: "{ id: \"dw\", class: \"app\", name: \"DW\", type: \"postgres\", options: { database: \"x\", password: ↓\"hunter2\" } }"),
            RuleExample(objects: """
                { id: "m", class: "teamMember", teamId: "t", email: "a@b.co", options: { firstName: "A", lastName: "B", password: ↓"p4ssw0rd" } }
                """),
            // A value points at where its text starts: a constant's literal, a template, a concatenation starting with a string.
            RuleExample(["config.js": """
                const password = ↓"hunter2!";
                exports.default = [{ id: "dw", class: "app", name: "DW", type: "postgres",
                  options: { database: "x", password, token: ↓`tok-${password}`, secret: ↓"s3cr" + "et!" } }];
                """]),
        ],
        nonTriggeringExamples: [
            RuleExample(objects: """
                { id: "dw", class: "app", name: "DW", type: "postgres",
                  options: { database: "x", password: process.env.DW_PASSWORD, user: "reader" } },
                { id: "k", class: "apiKey", name: "Key", apiKey: "...", options: { permissionAllRead: true, permissionAllWrite: false } },
                { id: "w", class: "app", name: "W", type: "postgres", options: { database: "x", password: process.env.W_PASSWORD + "-suffix" } }
                """),
        ])

    private static let secretKeyParts = ["password", "secret", "token", "apikey", "api_key", "privatekey", "private_key",
                                         "hapikey", "credential", "passphrase"]
    private static let tokenPrefixes = ["sk_live_", "sk_test_", "rk_live_", "xoxb-", "xoxp-", "ghp_", "gho_", "github_pat_",
                                        "AKIA", "ASIA", "-----BEGIN", "SG.", "shpat_", "glpat-"]

    func check(_ config: ValidationInput) -> [Diagnostic] {
        var found: [Diagnostic] = []
        // The label is built only for a finding: every option of every object passes through here.
        func inspect(_ entry: ConfigEntry, _ label: @autoclosure () -> String, _ value: LocatedValue, keyIsSecret: Bool) {
            guard case .string(let text) = value.value, keyIsSecret || Self.looksLikeToken(text),
                  Self.couldBeSecret(text), value.span.startsWithLiteral else { return }
            let label = label()
            found.append(diagnostic(Self.message(label: label, environmentName: Self.environmentName(entry, label)),
                                    on: entry, at: value.span))
        }
        // Each list is walked in place: a combined list of owners copied every `options` field, and a copy of the
        // `Field` holding an object's options retained its every part.
        func inspectOptions(of entry: ConfigEntry, _ properties: [JSProperty]) {
            for index in properties.indices {
                let key = properties[index].key
                inspect(entry, "options.\(key)", properties[index].value, keyIsSecret: Self.isSecretKey(key))
            }
        }
        config.apps.forEachUnretained { app in inspectOptions(of: app.entry, app.config.options?.value.properties ?? []) }
        config.sources.forEachUnretained { source in inspectOptions(of: source.entry, source.config.options?.value.properties ?? []) }
        config.destinations.forEachUnretained { destination in
            inspectOptions(of: destination.entry, destination.config.options?.value.properties ?? [])
        }
        config.teamMembers.forEachUnretained { member in
            if let password = member.config.options?.value.object["password"] {
                inspect(member.entry, "options.password", password, keyIsSecret: true)
            }
        }
        config.apiKeys.forEachUnretained { key in
            if let value = key.entry.properties["apiKey"] { inspect(key.entry, "apiKey", value, keyIsSecret: true) }
        }
        return found
    }

    /// Written into room reserved for all of it: interpolating grew the text twice, and every finding builds one.
    static func message(label: String, environmentName: String) -> String {
        let advice = "` is a literal secret (value not shown); read it from the environment instead, e.g. `process.env."
        var message = "`"
        message.reserveCapacity(label.utf8.count + advice.utf8.count + environmentName.utf8.count + 2)
        message += label
        message += advice
        message += environmentName
        message += "`"
        return message
    }

    private static let secretKeyPartBytes = secretKeyParts.map { Array($0.utf8) }
    private static let tokenPrefixBytes = tokenPrefixes.map { Array($0.utf8) }
    /// Whether some token shape (a prefix, or a JSON Web Token's `eyJ`) starts with this ASCII byte.
    private static let tokenStartBytes = (0..<0x80).map { byte in
        (tokenPrefixBytes.map { $0[0] } + [UInt8(ascii: "e")]).contains(UInt8(byte))
    }

    /// Byte-wise with a plain loop: this runs for every option of every object, Foundation's `contains`
    /// is slow and `firstRange(of:)` runs unspecialized generic code. An ASCII key is lower-cased byte by
    /// byte as it is compared (what `lowercased()` gives it), without building anything.
    static func isSecretKey(_ key: String) -> Bool {
        let inASCII = key.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            bytes.allSatisfy { $0 < 0x80 } ? secretKeyPartBytes.contains { contains($0, in: bytes) } : nil
        }
        if case let found?? = inASCII { return found }
        return Array(key.lowercased().utf8).withUnsafeBufferPointer { lowered in secretKeyPartBytes.contains { contains($0, in: lowered) } }
    }

    /// Whether `needle` (lower-case) occurs in `haystack` read with ASCII letters lower-cased.
    private static func contains(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        let lowered = { (byte: UInt8) in (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 0x20 : byte }
        guard !needle.isEmpty, needle.count <= haystack.count else { return needle.isEmpty }
        for start in 0...(haystack.count - needle.count) where lowered(haystack[start]) == needle[0] {
            if needle.indices.allSatisfy({ lowered(haystack[start + $0]) == needle[$0] }) { return true }
        }
        return false
    }

    /// Placeholders, empty values and environment-variable names (Grouparoo substitutes
    /// `GROUPAROO_OPTION__…` names, R-OPT-07) are not secrets.
    static func couldBeSecret(_ text: String) -> Bool {
        guard text.utf8.count >= 4 else { return false }
        // Printable ASCII, where a Character is one byte and only space and tab are trimmed, is read as bytes:
        // Foundation's trimming and Character properties cost more than the whole rule otherwise.
        let printable = { (byte: UInt8) in (0x20..<0x7F).contains(byte) || byte == 0x09 }
        let inASCII = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.allSatisfy(printable) ? asciiCouldBeSecret(bytes) : nil
        }
        if case let answer?? = inASCII { return answer }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.count < 4 || trimmed == "..." || trimmed.hasPrefix("<") || trimmed.hasPrefix("{{") { return false }
        let looksLikeEnvName = trimmed.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "_" } && trimmed.contains("_")
        return !looksLikeEnvName
    }

    private static func asciiCouldBeSecret(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        guard let first = bytes.firstIndex(where: { !isBlank($0) }), let last = bytes.lastIndex(where: { !isBlank($0) })
        else { return false }
        let trimmed = bytes[first...last]
        if trimmed.count < 4 || trimmed.first == UInt8(ascii: "<") || trimmed.starts(with: "{{".utf8) { return false }
        let looksLikeEnvName = trimmed.contains(UInt8(ascii: "_")) && trimmed.allSatisfy { byte in
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "_")
        }
        return !looksLikeEnvName
    }

    static func looksLikeToken(_ text: String) -> Bool {
        // Most values start with no token's first byte (no other character is canonically equivalent to one of those).
        var bytes = text.utf8.makeIterator()
        guard let first = bytes.next(), first < 0x80, tokenStartBytes[Int(first)] else { return false }
        // ASCII text (nearly all) is compared by bytes; other text by characters, as `hasPrefix` does.
        let inASCII = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.allSatisfy { $0 < 0x80 } ? tokenPrefixBytes.contains { bytes.starts(with: $0) } : nil
        }
        switch inASCII {
        case true??: return true
        case false??: break
        default: if tokenPrefixes.contains(where: text.hasPrefix) { return true }
        }
        // A JSON Web Token: three base64url parts, the first starting with `eyJ` ("{"").
        return text.hasPrefix("eyJ") && text.split(separator: ".").count == 3 && !text.contains(" ")
    }

    private static func environmentName(_ entry: ConfigEntry, _ label: String) -> String {
        environmentName(id: entry.id ?? "grouparoo", label: label)
    }

    /// `ID_LASTPART` upper-cased, anything but letters and digits as `_`.
    static func environmentName(id: String, label: String) -> String {
        // ASCII byte by byte (the usual case, and what a Character walk costs most on); anything else by Character.
        let inASCII = id.utf8.withContiguousStorageIfAvailable { idBytes in
            label.utf8.withContiguousStorageIfAvailable { asciiEnvironmentName(id: idBytes, label: $0) } ?? nil
        }
        if case let name?? = inASCII { return name }
        return plainEnvironmentName(id: id, label: label)
    }

    static func plainEnvironmentName(id: String, label: String) -> String {
        let raw = "\(id)_\(label.split(separator: ".").last ?? "")"
        return String(raw.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    /// Without CR ("\r\n" is one Character) every ASCII byte is a Character, so the bytes split and map alike;
    /// nil for other text.
    private static func asciiEnvironmentName(id: UnsafeBufferPointer<UInt8>, label: UnsafeBufferPointer<UInt8>) -> String? {
        let plain = { (byte: UInt8) in byte < 0x80 && byte != 0x0D }
        guard id.allSatisfy(plain), label.allSatisfy(plain) else { return nil }
        // The last part `split(separator: ".")` gives: empty parts (trailing dots) are left out.
        let dot = UInt8(ascii: ".")
        let tail = label.lastIndex { $0 != dot }.map { end in label[((label[...end].lastIndex(of: dot) ?? -1) + 1)...end] }
            ?? label[0..<0]
        let mapped = { (byte: UInt8) -> UInt8 in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): return byte - 0x20
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return byte
            default: return UInt8(ascii: "_")
            }
        }
        return String(unsafeUninitializedCapacity: id.count + 1 + tail.count) { buffer in
            var count = 0
            for byte in id { buffer[count] = mapped(byte); count += 1 }
            buffer[count] = UInt8(ascii: "_")
            count += 1
            for byte in tail { buffer[count] = mapped(byte); count += 1 }
            return count
        }
    }
}
