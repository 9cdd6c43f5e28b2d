import Foundation

/// `JSON.stringify` for our values: same key order, number format, escaping and
/// omission rules as JavaScript, so our output diffs cleanly against Node's.
public enum JSONOutput {
    /// Returns nil where JavaScript returns undefined (for `undefined` and functions).
    public static func stringify(_ value: JSValue, indent: String = "") -> String? {
        var output = ""
        guard write(value, indent: indent, currentIndent: "", into: &output) else { return nil }
        return output
    }

    /// Writes `array` as `JSON.stringify(array, null, indent)` would, one element at a time,
    /// so a long list reaches `sink` in pieces and is never held as one string.
    public static func streamArray(_ elements: [JSValue], indent: Int, to sink: (String) -> Void) {
        guard !elements.isEmpty else { return sink("[]") }
        let step = String(repeating: " ", count: max(0, min(indent, 10)))
        sink("[")
        for (index, element) in elements.enumerated() {
            var piece = index > 0 ? "," : ""
            if !step.isEmpty { piece += "\n" + step }
            if !write(element, indent: step, currentIndent: step, into: &piece) { piece += "null" }
            sink(piece)
        }
        sink(step.isEmpty ? "]" : "\n]")
    }

    /// Pretty-printed with `indent` spaces, as `JSON.stringify(value, null, indent)`.
    public static func stringify(_ value: JSValue, indent: Int) -> String? {
        stringify(value, indent: String(repeating: " ", count: max(0, min(indent, 10))))
    }

    /// Writes one value; returns false when the value is not representable (undefined, function).
    private static func write(_ value: JSValue, indent: String, currentIndent: String, into output: inout String) -> Bool {
        switch value {
        case .undefined, .function:
            return false
        case .null:
            output += "null"
        case .boolean(let flag):
            output += flag ? "true" : "false"
        case .number(let number):
            output += number.isFinite ? JSConversions.numberToString(number) : "null"
        case .string(let text):
            writeString(text, into: &output)
        case .array(let elements):
            if elements.isEmpty {
                output += "[]"
                return true
            }
            let inner = currentIndent + indent
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                if !indent.isEmpty { output += "\n" + inner }
                if !write(element.value, indent: indent, currentIndent: inner, into: &output) { output += "null" }
            }
            if !indent.isEmpty { output += "\n" + currentIndent }
            output += "]"
        case .object(let object):
            let inner = currentIndent + indent
            var wroteAny = false
            output += "{"
            for property in object.properties {
                var member = ""
                writeString(property.key, into: &member)
                member += indent.isEmpty ? ":" : ": "
                guard write(property.value.value, indent: indent, currentIndent: inner, into: &member) else { continue }
                if wroteAny { output += "," }
                if !indent.isEmpty { output += "\n" + inner }
                output += member
                wroteAny = true
            }
            if wroteAny && !indent.isEmpty { output += "\n" + currentIndent }
            output += "}"
        }
        return true
    }

    /// `JSON.stringify` of a string: quoted, with quotes, backslashes and control characters escaped.
    public static func quoted(_ text: String) -> String {
        var output = ""
        writeString(text, into: &output)
        return output
    }

    public static func writeString(_ text: String, into output: inout String) {
        var bytes: [UInt8] = []
        appendQuoted(text, to: &bytes)
        output += String(decoding: bytes, as: UTF8.self)
    }

    /// `JSON.stringify` of a string as UTF-8 bytes: quotes, backslashes and control characters escaped, every
    /// other byte copied (a `String` holds no lone surrogate, the one other thing JavaScript escapes).
    public static func appendQuoted(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var plainStart = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart..<index]))
                appendEscape(byte, to: &bytes)
                plainStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func appendEscape(_ byte: UInt8, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        default:
            bytes.append(contentsOf: "u00".utf8)
            bytes.append(hexDigits[Int(byte >> 4)])
            bytes.append(hexDigits[Int(byte & 0xF)])
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}

extension JSValue {
    /// Converts what `JSONSerialization` returns into a value (spans are left empty).
    public static func fromJSON(_ any: Any, file: String = "") -> JSValue? {
        let span = SourceSpan.wholeFile(file)
        switch any {
        case is NSNull:
            return .null
        case let number as NSNumber:
            // Booleans arrive as NSNumber too; their Objective-C type code is "c" (char).
            if String(cString: number.objCType) == "c" { return .boolean(number.boolValue) }
            return .number(number.doubleValue)
        case let text as String:
            return .string(text)
        case let array as [Any]:
            var elements: [LocatedValue] = []
            for item in array {
                guard let value = fromJSON(item, file: file) else { return nil }
                elements.append(LocatedValue(value, span: span))
            }
            return .array(elements)
        case let dictionary as [String: Any]:
            var object = JSObject()
            for (key, item) in dictionary {
                guard let value = fromJSON(item, file: file) else { return nil }
                object.set(key, LocatedValue(value, span: span))
            }
            return .object(object)
        default:
            return nil
        }
    }

    /// Equality as JSON sees it: spans and key order are ignored, and so are object
    /// properties whose value JSON omits (undefined, functions).
    public func semanticallyEquals(_ other: JSValue) -> Bool {
        switch (self, other) {
        case (.undefined, .undefined), (.null, .null):
            return true
        case (.boolean(let a), .boolean(let b)):
            return a == b
        case (.number(let a), .number(let b)):
            return a == b || (a.isNaN && b.isNaN)
        case (.string(let a), .string(let b)):
            return a == b
        case (.array(let a), .array(let b)):
            // In arrays JSON writes undefined and functions as null.
            return a.count == b.count && zip(a, b).allSatisfy { $0.value.asJSONArrayElement.semanticallyEquals($1.value.asJSONArrayElement) }
        case (.object(let a), .object(let b)):
            let left = a.properties.filter { $0.value.value.isJSONRepresentable }
            let right = b.properties.filter { $0.value.value.isJSONRepresentable }
            return left.count == right.count && left.allSatisfy { property in
                b[property.key].map { property.value.value.semanticallyEquals($0.value) } ?? false
            }
        case (.function(let a), .function(let b)):
            return a === b
        default:
            return false
        }
    }

    private var asJSONArrayElement: JSValue { isJSONRepresentable ? self : .null }

    var isJSONRepresentable: Bool {
        switch self {
        case .undefined, .function: return false
        default: return true
        }
    }
}
