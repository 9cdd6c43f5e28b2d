import ConfigModel

/// Grouparoo's id and file-name rules for generated objects (R-GEN-01, R-GEN-02).
enum IdFormatting {
    struct EmptyIdError: Error, CustomStringConvertible {
        var input: String
        var description: String { "could not generate an id from \(input.debugDescription): it has no letters or digits" }
    }

    /// `ConfigWriter.generateId` (R-GEN-01), as import uses it: `New Group` → `new_group`;
    /// a name with no letters or digits left is an error, as Grouparoo throws there.
    static func generateId(_ name: String) throws -> String {
        guard let id = ConfigIdentity.generateId(name) else { throw EmptyIdError(input: name) }
        return id
    }

    /// `formatForFilesystem` applied to the rendered `"<id>".js` name Grouparoo produced: the id
    /// as JSON text, lower-cased, quotes dropped, anything but `a-z 0-9 - _ / .` turned into `_`.
    /// Slashes survive, so the caller must still check the path stays inside the config dir.
    static func fileName(forId id: String) -> String {
        var out = ""
        for unit in jsonEscaped(id.lowercased()).utf16 where unit != 0x22 && unit != 0x27 {
            switch unit {
            case 0x61...0x7A, 0x30...0x39, 0x2D, 0x5F, 0x2F, 0x2E: out.unicodeScalars.append(Unicode.Scalar(UInt8(unit)))
            default: out += "_"
            }
        }
        return out + ".js"
    }

    /// The body of `JSON.stringify(text)` (without the outer quotes).
    private static func jsonEscaped(_ text: String) -> String {
        String(JSONOutput.quoted(text).dropFirst().dropLast())
    }
}
