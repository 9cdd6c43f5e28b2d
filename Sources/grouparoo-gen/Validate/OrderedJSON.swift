import ConfigModel

/// A JSON value whose object members keep the order they were written in, so
/// machine-readable reports are byte-for-byte reproducible and diff cleanly.
indirect enum OrderedJSON {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([OrderedJSON])
    case object([(key: String, value: OrderedJSON)])

    /// `.string` for a value, `.null` for nil: optional fields stay present with a null.
    static func string(_ text: String?) -> OrderedJSON { text.map { .string($0) } ?? .null }
    static func int(_ number: Int?) -> OrderedJSON { number.map { .int($0) } ?? .null }

    /// Pretty-printed with two spaces per level, as `JSON.stringify(value, null, 2)` would.
    func rendered() -> String {
        var output = ""
        write(into: &output, indent: "")
        return output
    }

    func write(into output: inout String, indent: String) {
        switch self {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .int(let number): output += String(number)
        case .string(let text): OrderedJSON.writeString(text, into: &output)
        case .array(let elements):
            guard !elements.isEmpty else { output += "[]"; return }
            let inner = indent + "  "
            output += "["
            for (index, element) in elements.enumerated() {
                output += index == 0 ? "\n" : ",\n"
                output += inner
                element.write(into: &output, indent: inner)
            }
            output += "\n" + indent + "]"
        case .object(let members):
            guard !members.isEmpty else { output += "{}"; return }
            let inner = indent + "  "
            output += "{"
            for (index, member) in members.enumerated() {
                output += index == 0 ? "\n" : ",\n"
                output += inner
                OrderedJSON.writeString(member.key, into: &output)
                output += ": "
                member.value.write(into: &output, indent: inner)
            }
            output += "\n" + indent + "}"
        }
    }

    static func writeString(_ text: String, into output: inout String) {
        JSONOutput.writeString(text, into: &output)
    }
}
