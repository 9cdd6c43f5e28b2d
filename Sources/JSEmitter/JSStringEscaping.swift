/// Escaping rules for the pieces of JavaScript source the emitter writes from data.
public enum JSLiteralSyntax {
    /// A double-quoted JavaScript string literal for `text`.
    ///
    /// Printable characters (including emoji and other non-ASCII text) are written as they are;
    /// everything that could end the literal, end the line, or hide in an editor is escaped:
    /// `"` and `\`, the short escapes `\b \f \n \r \t`, other C0/C1 control characters and DEL as
    /// `\u00XX`, U+2028/U+2029 (line terminators in older engines and in comments), U+FEFF, and
    /// lone surrogates as `\uDXXX`. `${` and `*/` need no escaping inside a double-quoted string.
    public static func quoted(_ text: String) -> String {
        quoted(utf16: Array(text.utf16))
    }

    /// Like `quoted(_:)` for raw UTF-16 code units, which may contain lone surrogates.
    public static func quoted(utf16 units: [UInt16]) -> String {
        var out = "\""
        out.reserveCapacity(units.count + 2)
        var index = 0
        while index < units.count {
            let unit = units[index]
            if UTF16.isLeadSurrogate(unit), index + 1 < units.count, UTF16.isTrailSurrogate(units[index + 1]) {
                // A valid pair is one astral character (e.g. an emoji): keep it readable.
                let scalar = Unicode.Scalar(0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(units[index + 1]) - 0xDC00))!
                out.unicodeScalars.append(scalar)
                index += 2
                continue
            }
            out += escaped(unit)
            index += 1
        }
        out += "\""
        return out
    }

    private static func escaped(_ unit: UInt16) -> String {
        switch unit {
        case 0x22: return "\\\""
        case 0x5C: return "\\\\"
        case 0x08: return "\\b"
        case 0x0C: return "\\f"
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x09: return "\\t"
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF, 0xD800...0xDFFF:
            return unicodeEscape(unit)
        default:
            return String(Unicode.Scalar(unit)!)
        }
    }

    private static func unicodeEscape(_ unit: UInt16) -> String {
        let hex = String(unit, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }

    /// True when `key` can be written unquoted as an object key: an ASCII identifier
    /// (`[A-Za-z_$][A-Za-z0-9_$]*`). Reserved words qualify, as in `class: "app"`.
    public static func isIdentifier(_ key: String) -> Bool {
        guard let first = key.utf8.first else { return false }
        func isStart(_ byte: UInt8) -> Bool {
            (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F || byte == 0x24
        }
        return isStart(first) && key.utf8.dropFirst().allSatisfy { isStart($0) || ($0 >= 0x30 && $0 <= 0x39) }
    }

    /// An object key: bare when it is an identifier, otherwise a quoted string.
    public static func propertyKey(_ key: String) -> String {
        isIdentifier(key) ? key : quoted(key)
    }

    /// `text` made safe for a `// line comment`: every line terminator and control character
    /// becomes a space, so nothing after it can escape the comment.
    public static func lineCommentText(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: out.append(" ")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// `process.env.NAME`, or `process.env["NAME"]` when NAME is not an identifier.
    public static func environmentReference(_ name: String) -> String {
        isIdentifier(name) ? "process.env.\(name)" : "process.env[\(quoted(name))]"
    }
}
