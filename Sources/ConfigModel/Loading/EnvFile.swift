/// Reads dotenv files (`--env-file`): `KEY=value` lines, `#` comments, optional
/// `export `, single or double quotes (double quotes understand `\n`).
public enum EnvFile {
    public struct Problem: Error, Equatable, Sendable {
        public let line: Int
        public let message: String
    }

    public static func parse(_ text: String) -> Result<[String: String], Problem> {
        var values: [String: String] = [:]
        // `Character` treats "\r\n" as one line break, so Windows files split correctly too.
        for (offset, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            var line = rawLine.trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst(7)).trimmingWhitespace() }
            guard let equals = line.firstIndex(of: "=") else {
                return .failure(Problem(line: offset + 1, message: "expected KEY=value"))
            }
            let key = String(line[..<equals]).trimmingWhitespace()
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-" }) else {
                return .failure(Problem(line: offset + 1, message: "`\(key)` is not a valid variable name"))
            }
            var value = String(line[line.index(after: equals)...]).trimmingWhitespace()
            if let quote = value.first, quote == "\"" || quote == "'" {
                guard value.count >= 2, value.last == quote else {
                    return .failure(Problem(line: offset + 1, message: "unterminated \(quote)-quoted value"))
                }
                value = String(value.dropFirst().dropLast())
                if quote == "\"" { value = value.replacingEscapes() }
            } else if let hash = value.range(of: " #") {
                value = String(value[..<hash.lowerBound]).trimmingWhitespace()
            }
            values[key] = value
        }
        return .success(values)
    }
}

private extension StringProtocol {
    func trimmingWhitespace() -> String {
        String(drop(while: { $0 == " " || $0 == "\t" || $0 == "\r" }).reversed().drop(while: { $0 == " " || $0 == "\t" || $0 == "\r" }).reversed())
    }

    func replacingEscapes() -> String {
        var result = ""
        var escaping = false
        for character in self {
            if escaping {
                switch character {
                case "n": result.append("\n")
                case "t": result.append("\t")
                case "r": result.append("\r")
                default: result.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
