import Foundation

/// Where the cursor is in a config file, found from the text alone: while someone types, the file
/// often does not parse, so completion cannot wait for the reader.
public struct EditorTextContext: Sendable, Equatable {
    public enum Slot: Sendable, Equatable {
        /// Writing a key; `prefix` is what is typed of it so far.
        case key(prefix: String)
        /// Writing the value of `key`; `prefix` is what is typed of it so far.
        case value(key: String, prefix: String)
    }

    public var slot: Slot
    /// Keys of the objects between the config object and the cursor, outermost first (`["options"]`).
    public var path: [String]
    /// `class`, `type` and `sourceId` of the config object around the cursor, as written.
    public var objectClass: String?
    public var objectType: String?
    public var objectSourceID: String?

    /// The context at UTF-8 `offset` of `bytes`, with `linePrefix` the text of the line before it.
    public static func at(_ offset: Int, in bytes: [UInt8], linePrefix: String) -> EditorTextContext? {
        guard let slot = slot(linePrefix) else { return nil }
        var path: [String] = []
        var context = EditorTextContext(slot: slot, path: [])
        for opener in enclosingOpeners(before: offset, in: bytes) {
            let keyBefore = key(before: opener, in: bytes)
            guard bytes[opener] == UInt8(ascii: "{") else {
                if let keyBefore { path.insert(keyBefore, at: 0) }
                continue
            }
            let topLevel = topLevelText(of: opener, in: bytes)
            if let objectClass = firstMatch(#"(?:^|[\s,{"'])class["']?\s*:\s*["'`]([^"'`]+)"#, in: topLevel) {
                context.objectClass = objectClass
                context.objectType = firstMatch(#"(?:^|[\s,{"'])type["']?\s*:\s*["'`]([^"'`]+)"#, in: topLevel)
                context.objectSourceID = firstMatch(#"(?:^|[\s,{"'])sourceId["']?\s*:\s*["'`]([^"'`]+)"#, in: topLevel)
                context.path = path
                return context
            }
            if let keyBefore { path.insert(keyBefore, at: 0) }
        }
        context.path = path
        return context
    }

    static func slot(_ linePrefix: String) -> Slot? {
        if let groups = matches(#"["']?([A-Za-z_$][\w$]*)["']?\s*:\s*["'`]?([^"'`,{}\[\]\s]*)$"#, in: linePrefix) {
            return .value(key: groups[0], prefix: groups[1])
        }
        if let groups = matches(#"(?:^|[{,])\s*["']?([A-Za-z_$][\w$]*)?$"#, in: linePrefix) {
            return .key(prefix: groups[0])
        }
        return nil
    }

    /// Offsets of the unclosed `{` and `[` before `offset`, innermost first.
    static func enclosingOpeners(before offset: Int, in bytes: [UInt8]) -> [Int] {
        var openers: [Int] = []
        var depth = 0
        var index = min(offset, bytes.count) - 1
        while index >= 0 {
            switch bytes[index] {
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth += 1
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                if depth == 0 { openers.append(index) } else { depth -= 1 }
            default: break
            }
            index -= 1
        }
        return openers
    }

    /// The key written just before an opener (`options: {` → `options`).
    static func key(before opener: Int, in bytes: [UInt8]) -> String? {
        let start = max(0, opener - 200)
        let text = String(decoding: bytes[start..<opener], as: UTF8.self)
        return matches(#"["']?([A-Za-z_$][\w$]*)["']?\s*:\s*$"#, in: text)?[0]
    }

    /// The object's own text without its nested objects and arrays, so `type` inside `options` is not taken.
    static func topLevelText(of opener: Int, in bytes: [UInt8]) -> String {
        var kept: [UInt8] = []
        var depth = 0
        var index = opener + 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                depth += 1
            } else if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                if depth == 0 { break }
                depth -= 1
            } else if depth == 0 {
                kept.append(byte)
            }
            index += 1
        }
        return String(decoding: kept, as: UTF8.self)
    }

    static func firstMatch(_ pattern: String, in text: String) -> String? { matches(pattern, in: text)?[0] }

    /// The capture groups of the first match (empty strings for groups that did not take part).
    static func matches(_ pattern: String, in text: String) -> [String]? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let match = regex.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length)) else {
            return nil
        }
        return (1..<max(2, match.numberOfRanges)).map { group in
            let range = match.range(at: group)
            return range.location == NSNotFound ? "" : (text as NSString).substring(with: range)
        }
    }
}
