/// Strict JSON (RFC 8259) straight to `ConfigValue`, for the REST answers an import reads: no
/// JSON5 generality, no source positions. Nil for anything that is not plain JSON (or nests
/// deeper than `maximumDepth`); callers then fall back to the JSON5 reader, which explains why.
extension ConfigValue {
    public static let maximumJSONDepth = 256

    public init?(json bytes: [UInt8]) {
        var scanner = JSONScanner()
        guard let value = bytes.withUnsafeBufferPointer({ buffer -> ConfigValue? in
            scanner.buffer = buffer
            guard let value = scanner.value(depth: 0) else { return nil }
            scanner.skipSpace()
            return scanner.position == buffer.count ? value : nil
        }) else { return nil }
        self = value
    }
}

/// A cursor over the bytes; every method returns nil at the first byte that breaks the grammar.
private struct JSONScanner {
    var buffer = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    var position = 0
    /// Reused for strings with escapes or non-ASCII bytes.
    var scratch: [UInt8] = []

    mutating func skipSpace() {
        while position < buffer.count {
            switch buffer[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    private mutating func literal(_ word: StaticString, _ value: ConfigValue) -> ConfigValue? {
        let count = word.utf8CodeUnitCount
        guard position + count <= buffer.count else { return nil }
        for offset in 0..<count where buffer[position + offset] != word.utf8Start[offset] { return nil }
        position += count
        return value
    }

    mutating func value(depth: Int) -> ConfigValue? {
        skipSpace()
        guard position < buffer.count, depth < ConfigValue.maximumJSONDepth else { return nil }
        switch buffer[position] {
        case UInt8(ascii: "{"): return object(depth: depth)
        case UInt8(ascii: "["): return array(depth: depth)
        case UInt8(ascii: "\""): return string().map(ConfigValue.string)
        case UInt8(ascii: "t"): return literal("true", .boolean(true))
        case UInt8(ascii: "f"): return literal("false", .boolean(false))
        case UInt8(ascii: "n"): return literal("null", .null)
        default: return number().map(ConfigValue.number)
        }
    }

    private mutating func object(depth: Int) -> ConfigValue? {
        position += 1
        var members: [ConfigMember] = []
        // Built only for large objects, so a repeated key is found without a quadratic search.
        var indexByKey: [String: Int] = [:]
        skipSpace()
        if position < buffer.count, buffer[position] == UInt8(ascii: "}") {
            position += 1
            return .object(members)
        }
        while true {
            skipSpace()
            guard position < buffer.count, buffer[position] == UInt8(ascii: "\""), let key = string() else { return nil }
            skipSpace()
            guard position < buffer.count, buffer[position] == UInt8(ascii: ":") else { return nil }
            position += 1
            guard let value = value(depth: depth + 1) else { return nil }
            // A repeated key keeps its first place and takes the last value, as JSON.parse does.
            if members.count >= 16, indexByKey.isEmpty {
                for (index, member) in members.enumerated() { indexByKey[member.key] = index }
            }
            if let index = indexByKey.isEmpty ? members.firstIndex(where: { $0.key == key }) : indexByKey[key] {
                members[index].value = value
            } else {
                if !indexByKey.isEmpty { indexByKey[key] = members.count }
                members.append(ConfigMember(key, value))
            }
            skipSpace()
            guard position < buffer.count else { return nil }
            let next = buffer[position]
            position += 1
            if next == UInt8(ascii: "}") { return .object(members) }
            guard next == UInt8(ascii: ",") else { return nil }
        }
    }

    private mutating func array(depth: Int) -> ConfigValue? {
        position += 1
        var elements: [ConfigValue] = []
        skipSpace()
        if position < buffer.count, buffer[position] == UInt8(ascii: "]") {
            position += 1
            return .array(elements)
        }
        while true {
            guard let element = value(depth: depth + 1) else { return nil }
            elements.append(element)
            skipSpace()
            guard position < buffer.count else { return nil }
            let next = buffer[position]
            position += 1
            if next == UInt8(ascii: "]") { return .array(elements) }
            guard next == UInt8(ascii: ",") else { return nil }
        }
    }

    /// A string token starting at the opening quote.
    private mutating func string() -> String? {
        position += 1
        let start = position
        // Fast path: plain ASCII without escapes is copied in one go.
        while position < buffer.count {
            let byte = buffer[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<position - 1]), as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") || byte >= 0x80 || byte < 0x20 { break }
            position += 1
        }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<position]))
        while position < buffer.count {
            let byte = buffer[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(validating: scratch, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard position < buffer.count else { return nil }
                let escape = buffer[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(escape)
                case UInt8(ascii: "b"): scratch.append(0x08)
                case UInt8(ascii: "f"): scratch.append(0x0C)
                case UInt8(ascii: "n"): scratch.append(0x0A)
                case UInt8(ascii: "r"): scratch.append(0x0D)
                case UInt8(ascii: "t"): scratch.append(0x09)
                case UInt8(ascii: "u"):
                    guard let scalar = unicodeEscape() else { return nil }
                    scratch.append(contentsOf: Array(String(Character(scalar)).utf8))
                default: return nil
                }
            default:
                guard byte >= 0x20 else { return nil }
                scratch.append(byte)
            }
        }
        return nil
    }

    /// The scalar of `\uXXXX` (the `\u` already read), joining a surrogate pair; nil for a lone surrogate.
    private mutating func unicodeEscape() -> Unicode.Scalar? {
        guard let first = hexQuad() else { return nil }
        if (0xD800...0xDBFF).contains(first) {
            guard position + 1 < buffer.count, buffer[position] == UInt8(ascii: "\\"), buffer[position + 1] == UInt8(ascii: "u") else { return nil }
            position += 2
            guard let second = hexQuad(), (0xDC00...0xDFFF).contains(second) else { return nil }
            return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
        }
        return Unicode.Scalar(first)
    }

    private mutating func hexQuad() -> UInt32? {
        guard position + 4 <= buffer.count else { return nil }
        var result: UInt32 = 0
        for _ in 0..<4 {
            let byte = buffer[position]
            position += 1
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            result = result << 4 | UInt32(digit)
        }
        return result
    }

    /// `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`; short integers without going through text.
    private mutating func number() -> Double? {
        let start = position
        if position < buffer.count, buffer[position] == UInt8(ascii: "-") { position += 1 }
        let integerStart = position
        guard digits() else { return nil }
        if buffer[integerStart] == UInt8(ascii: "0"), position - integerStart > 1 { return nil }
        var isInteger = true
        if position < buffer.count, buffer[position] == UInt8(ascii: ".") {
            position += 1
            guard digits() else { return nil }
            isInteger = false
        }
        if position < buffer.count, buffer[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < buffer.count, buffer[position] == UInt8(ascii: "+") || buffer[position] == UInt8(ascii: "-") { position += 1 }
            guard digits() else { return nil }
            isInteger = false
        }
        if isInteger, position - integerStart <= 15 {
            var magnitude: Int64 = 0
            for index in integerStart..<position { magnitude = magnitude * 10 + Int64(buffer[index] - UInt8(ascii: "0")) }
            // -0 stays -0, as JSON.parse gives.
            return integerStart > start ? -Double(magnitude) : Double(magnitude)
        }
        return Double(String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<position]), as: UTF8.self))
    }

    /// One or more decimal digits.
    private mutating func digits() -> Bool {
        let start = position
        while position < buffer.count, buffer[position] &- UInt8(ascii: "0") < 10 { position += 1 }
        return position > start
    }
}
