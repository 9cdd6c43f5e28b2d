/// Group rules, from the stored list form of `groups:list` to the config form (rest-api.md §7.7, §9.2).
extension ImportContext {
    mutating func convertGroup(_ item: ConfigValue) {
        guard item["name"]?.isTruthy == true, isReady(item["modelId"]?.stringValue, .model),
              let modelId = configId(of: item["modelId"]?.stringValue, .model)
        else { return skip(item, .group, .missingParent) }
        let id = configId(item, .group)
        if item["matchType"]?.stringValue == "any" {
            result.notices.append("group \(id) matches any rule (matchType \"any\"), which config cannot express; "
                + "it is written with its rules and Grouparoo will apply them all (rest-api.md API-MISS-07)")
        }
        var members: [ConfigMember] = []
        members.add("modelId", .string(modelId))
        members.add("name", item["name"])
        members.add("rules", .array((item["rules"]?.arrayValue ?? []).map(configRule)))
        emit(.group, [object(id, members, locked: item["locked"])])
    }

    private func object(_ id: String, _ members: [ConfigMember], locked: ConfigValue?) -> PlainConfigObject {
        PlainConfigObject(objectClass: "group", id: id,
                          value: .object([ConfigMember("class", .string("group")), ConfigMember("id", .string(id))] + members),
                          locked: locked?.stringValue)
    }

    /// `toConvenientRules` then `getConfigObject`'s rule form. Also accepts rules already in
    /// convenient form (`GET /group/:id`).
    func configRule(_ rule: ConfigValue) -> ConfigValue {
        var op = rule["operation"]?["op"]?.stringValue ?? rule["op"]?.stringValue ?? ""
        var match = rule["match"]
        let relative = rule["relativeMatchNumber"]?.isTruthy == true
        var keepDirection = true
        if !relative, match == .string("null"), op == "ne" || op == "eq" {
            op = op == "ne" ? "exists" : "notExists"
            match = nil
        } else if relative, !op.hasPrefix("relative_") {
            op = "relative_" + op
            keepDirection = false
        } else if op.hasPrefix("relative_") {
            keepDirection = false
        }
        let key = rule["key"]?.stringValue ?? ""
        let propertyId = rule["topLevel"]?.boolValue == true ? key : (propertyConfigId(key: key) ?? key)
        // Dates are stored as milliseconds, which `Date.parse` cannot read back (R-RULE-03).
        if rule["type"]?.stringValue == "date", ["eq", "ne", "gt", "lt", "gte", "lte"].contains(op),
           let text = match?.stringValue, let milliseconds = Int64(text), text.allSatisfy(\.isNumber) {
            match = .string(ISODate.string(milliseconds: milliseconds))
        }
        var members: [ConfigMember] = []
        members.add("propertyId", .string(propertyId))
        members.add("op", .string(op))
        members.add("match", match)
        members.add("relativeMatchNumber", rule["relativeMatchNumber"])
        members.add("relativeMatchUnit", rule["relativeMatchUnit"])
        if keepDirection { members.add("relativeMatchDirection", rule["relativeMatchDirection"]) }
        return .object(members)
    }
}

/// Milliseconds since the epoch ↔ the ISO-8601 text `Date.prototype.toISOString` writes
/// (`2020-03-01T00:00:00.000Z`), without calendars or locales.
public enum ISODate {
    public static func string(milliseconds: Int64) -> String {
        let days = floorDivide(milliseconds, 86_400_000)
        let inDay = milliseconds - days * 86_400_000
        let (year, month, day) = civil(fromDays: days)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let millis = inDay % 1000
        let millisText = millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : "\(millis)"
        let yearText = year >= 0 && year <= 9999 ? String(repeating: "0", count: 4 - "\(year)".count) + "\(year)" : "\(year)"
        return "\(yearText)-\(two(month))-\(two(day))T\(two(inDay / 3_600_000)):\(two(inDay / 60_000 % 60)):"
            + "\(two(inDay / 1000 % 60)).\(millisText)Z"
    }

    /// `Date.parse` for the ISO forms config files use: `YYYY-MM-DD`, optionally followed by
    /// `THH:MM`, `:SS`, `.sss` and `Z`. Nil for anything else.
    public static func milliseconds(_ text: String) -> Int64? {
        let characters = Array(text.utf8)
        func number(_ start: Int, _ length: Int) -> Int64? {
            guard start + length <= characters.count else { return nil }
            var value: Int64 = 0
            for byte in characters[start..<start + length] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int64(byte - 0x30)
            }
            return value
        }
        guard let year = number(0, 4), characters.count >= 10, characters[4] == 0x2D, characters[7] == 0x2D,
              let month = number(5, 2), let day = number(8, 2), (1...12).contains(month), (1...31).contains(day) else { return nil }
        var total = days(fromCivil: year, month, day) * 86_400_000
        if characters.count == 10 { return total }
        guard characters.count >= 16, characters[10] == 0x54, characters[13] == 0x3A, characters.last == 0x5A,
              let hour = number(11, 2), let minute = number(14, 2) else { return nil }
        total += hour * 3_600_000 + minute * 60_000
        var index = 16
        if index < characters.count - 1 {
            guard characters[index] == 0x3A, let second = number(index + 1, 2) else { return nil }
            total += second * 1000
            index += 3
            if index < characters.count - 1 {
                guard characters[index] == 0x2E, let millis = number(index + 1, 3) else { return nil }
                total += millis
                index += 4
            }
        }
        return index == characters.count - 1 ? total : nil
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    // Howard Hinnant's days-from-civil algorithms.
    private static func civil(fromDays z: Int64) -> (Int64, Int64, Int64) {
        let shifted = z + 719_468
        let era = floorDivide(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDivide(y, 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
