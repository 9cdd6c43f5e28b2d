import ConfigModel

/// A JSON value whose object members keep the order they were written in, so machine-readable
/// reports are byte-for-byte reproducible and diff cleanly. Rendering is `JSONOutput`'s (the
/// reader's `JSON.stringify`); report keys are names, never array indexes JavaScript would reorder.
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
        JSONOutput.stringify(value, indent: 2) ?? "null"
    }

    private static let noSpan = SourceSpan.wholeFile("")

    private var value: JSValue {
        switch self {
        case .null: return .null
        case .bool(let flag): return .boolean(flag)
        case .int(let number): return .number(Double(number))
        case .string(let text): return .string(text)
        case .array(let elements): return .array(elements.map { LocatedValue($0.value, span: OrderedJSON.noSpan) })
        case .object(let members):
            var object = JSObject()
            for member in members { object.set(member.key, LocatedValue(member.value.value, span: OrderedJSON.noSpan)) }
            return .object(object)
        }
    }
}
