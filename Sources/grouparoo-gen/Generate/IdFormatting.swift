import ConfigModel

/// Grouparoo's id and file-name rules for generated objects (R-GEN-01, R-GEN-02).
enum IdFormatting {
    struct EmptyIdError: Error, CustomStringConvertible {
        var input: String
        var description: String { "could not generate an id from \(input.debugDescription): it has no letters or digits" }
    }

    /// `ConfigWriter.generateId`: lower-case; every UTF-16 unit other than `a-z 0-9 - _ space`
    /// becomes a space; trim; spaces become `_`; any run of two or more of `- _ space` becomes `_`.
    /// `New Group` → `new_group`, `new-group` → `new-group`, `a-_b` → `a_b`, `Ünïcode` → `n_code`.
    static func generateId(_ name: String) throws -> String {
        // JavaScript's regex (no `u` flag) works on UTF-16 units, so an astral character
        // becomes two spaces; the result is the same after collapsing, but we mirror it anyway.
        var units: [UInt8] = name.lowercased().utf16.map { unit in
            switch unit {
            case 0x61...0x7A, 0x41...0x5A, 0x30...0x39, 0x2D, 0x5F, 0x20: return UInt8(unit)
            default: return 0x20
            }
        }
        while units.first == 0x20 { units.removeFirst() }
        while units.last == 0x20 { units.removeLast() }
        var result: [UInt8] = []
        var index = 0
        while index < units.count {
            let unit = units[index]
            let isSeparator = unit == 0x2D || unit == 0x5F || unit == 0x20
            var end = index + 1
            if isSeparator {
                while end < units.count && [0x2D, 0x5F, 0x20].contains(units[end]) { end += 1 }
            }
            if isSeparator && end - index >= 2 {
                result.append(0x5F)
            } else {
                result.append(unit == 0x20 ? 0x5F : unit)
            }
            index = end
        }
        guard !result.isEmpty else { throw EmptyIdError(input: name) }
        return String(decoding: result, as: UTF8.self)
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
