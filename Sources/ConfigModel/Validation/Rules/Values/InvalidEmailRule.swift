/// Team member emails must look like an address (Sequelize `isEmail`, after lower-casing).
struct InvalidEmailRule: ValidationRule {
    let description = RuleDescription(
        identifier: "invalid-email", summary: "A team member's email is not a valid address.",
        grouparooRules: ["R-SEQ-02", "R-TM-03"], severity: .error,
        triggeringExamples: [
            RuleExample(objects: """
                { id: "m", class: "teamMember", teamId: "t", email: ↓"not an email", options: { firstName: "A", lastName: "B" } }
                """),
        ],
        nonTriggeringExamples: [
            RuleExample(objects: """
                { id: "m", class: "teamMember", teamId: "t", email: "First.Last+tag@Example.co.uk", options: { firstName: "A", lastName: "B" } }
                """),
        ])

    func check(_ config: ValidationInput) -> [Diagnostic] {
        var found: [Diagnostic] = []
        // Members unretained and their email read in place: `compactMap` retained each member, and copying the field out
        // retained its parts (the other core's rules read the same members).
        config.teamMembers.forEachUnretained { member in
            guard let email = member.config.email?.value, !Self.looksLikeEmail(email) else { return }
            found.append(diagnostic("\"\(email)\" is not a valid email address", on: member.entry, at: member.config.email?.span,
                                    grouparoo: "Validation isEmail on email failed"))
        }
        return found
    }

    /// A set, not a string: `String.contains(Character)` walks the string's characters for every one tested.
    private static let forbiddenInLocalPart = Set("(),:;<>[]\\\"")

    /// A pragmatic version of validator.js `isEmail`: one `@`, a non-empty local part without
    /// spaces, and a dotted domain of letters, digits and hyphens ending in a 2+ letter label.
    /// The address is compared lower-cased, as Grouparoo does.
    static func looksLikeEmail(_ text: String) -> Bool {
        // Printable ASCII, where a Character is one byte and letter case changes no answer, is checked byte by byte
        // in place: walking Characters and asking their Unicode properties costs tens of thousands of instructions.
        let inASCII = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.allSatisfy { (0x20..<0x7F).contains($0) } ? looksLikeASCIIEmail(bytes) : nil
        }
        if case let answer?? = inASCII { return answer }
        return characterLooksLikeEmail(text.lowercased())
    }

    static func characterLooksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].utf8.count <= 64 else { return false }
        let local = parts[0], domain = parts[1]
        guard !local.contains(where: { $0.isWhitespace || forbiddenInLocalPart.contains($0) }),
              !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        for label in labels {
            guard !label.isEmpty, label.count <= 63, !label.hasPrefix("-"), !label.hasSuffix("-"),
                  label.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else { return false }
        }
        let top = labels.last!
        return top.count >= 2 && top.allSatisfy { $0.isLetter }
    }

    /// One pass over the bytes, no slices or arrays: every team member's address goes through here.
    private static func looksLikeASCIIEmail(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let (at, dot, hyphen) = (UInt8(ascii: "@"), UInt8(ascii: "."), UInt8(ascii: "-"))
        guard let atIndex = bytes.firstIndex(of: at), atIndex > 0, atIndex <= 64,
              bytes[0] != dot, bytes[atIndex - 1] != dot else { return false }
        for index in 0..<atIndex {
            let byte = bytes[index]
            if isForbiddenInLocalPart(byte) || (byte == dot && index > 0 && bytes[index - 1] == dot) { return false }
        }
        // The domain's labels, split at dots (a second `@` is no label byte).
        var labelStart = atIndex + 1
        var labelCount = 0
        while true {
            var end = labelStart
            var allLetters = true
            while end < bytes.count, bytes[end] != dot {
                let byte = bytes[end]
                let isLetter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")  // either case
                let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
                guard isLetter || isDigit || byte == hyphen else { return false }
                allLetters = allLetters && isLetter
                end += 1
            }
            let length = end - labelStart
            guard length > 0, length <= 63, bytes[labelStart] != hyphen, bytes[end - 1] != hyphen else { return false }
            labelCount += 1
            if end == bytes.count { return labelCount >= 2 && length >= 2 && allLetters }
            labelStart = end + 1
        }
    }

    /// A space or one of `forbiddenInLocalPart` (the only whitespace in printable ASCII), by byte: derived from
    /// the set, so the two paths forbid the same characters.
    private static let forbiddenInLocalPartASCII: [Bool] = (0..<0x80).map { byte in
        let character = Character(Unicode.Scalar(UInt8(byte)))
        return character == " " || forbiddenInLocalPart.contains(character)
    }

    /// `byte` is printable ASCII (`looksLikeEmail` checked).
    private static func isForbiddenInLocalPart(_ byte: UInt8) -> Bool {
        forbiddenInLocalPartASCII[Int(byte)]
    }
}
