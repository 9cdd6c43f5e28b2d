import ConfigModel

/// Hides secrets in evaluated values before a command prints them (`dump`): every string or number
/// under a key that names a secret (`Diagnostic.isSecretKey`: password, token, apiKey, …), at any
/// depth, becomes one `*` per character, as validate's source excerpts show them.
enum SecretValues {
    static func masked(_ value: LocatedValue) -> LocatedValue {
        changed(value, underSecretKey: false) ?? value
    }

    /// nil when nothing in `value` is a secret, so unchanged (possibly shared) trees are never copied.
    private static func changed(_ value: LocatedValue, underSecretKey: Bool) -> LocatedValue? {
        switch value.value {
        case .string(let text) where underSecretKey:
            return text.isEmpty ? nil : LocatedValue(.string(stars(text.count)), span: value.span)
        case .number where underSecretKey:
            return LocatedValue(.string(stars(JSONOutput.stringify(value.value)?.count ?? 1)), span: value.span)
        case .array(let elements):
            var result = elements
            var changedAny = false
            for index in elements.indices {
                guard let masked = changed(elements[index], underSecretKey: underSecretKey) else { continue }
                result[index] = masked
                changedAny = true
            }
            return changedAny ? LocatedValue(.array(result), span: value.span) : nil
        case .object(let object):
            var result = object
            var changedAny = false
            for property in object.properties {
                let secret = underSecretKey || Diagnostic.isSecretKey(property.key)
                guard let masked = changed(property.value, underSecretKey: secret) else { continue }
                result.set(property.key, masked)
                changedAny = true
            }
            return changedAny ? LocatedValue(.object(result), span: value.span) : nil
        default:
            return nil
        }
    }

    private static func stars(_ count: Int) -> String { String(repeating: "*", count: count) }
}

extension SecretValues {
    /// Where `value` holds one of `secrets` as a string, at any depth.
    static func spans(of secrets: Set<String>, in value: LocatedValue) -> [SourceSpan] {
        guard !secrets.isEmpty else { return [] }
        switch value.value {
        case .string(let text): return secrets.contains(text) ? [value.span] : []
        case .array(let elements): return elements.flatMap { spans(of: secrets, in: $0) }
        case .object(let object): return object.properties.flatMap { spans(of: secrets, in: $0.value) }
        default: return []
        }
    }
}
