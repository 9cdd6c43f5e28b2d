/// Array and string methods. Callbacks are our own closures, called like any function.
extension JSEvaluator {
    func callMethod(_ name: String, on receiver: LocatedValue, _ arguments: [LocatedValue], at range: JSRange) throws -> LocatedValue {
        switch receiver.value {
        case .array(let elements): return try callArrayMethod(name, elements, receiver, arguments, at: range)
        case .string(let text): return try callStringMethod(name, text, arguments, at: range)
        default: throw unsupported("method `\(name)`", at: range)
        }
    }

    private func callback(_ arguments: [LocatedValue], at range: JSRange) throws -> JSFunction {
        guard case .function(let function)? = arguments.first?.value else {
            throw runtimeError("TypeError: \(arguments.first.map { JSConversions.typeOf($0.value) } ?? "undefined") is not a function", at: range)
        }
        return function
    }

    private func callArrayMethod(_ name: String, _ elements: [LocatedValue], _ receiver: LocatedValue,
                                 _ arguments: [LocatedValue], at range: JSRange) throws -> LocatedValue {
        let here = span(range)
        func each(_ function: JSFunction, _ index: Int) throws -> LocatedValue {
            try context.spendStep(at: range, in: self)
            return try call(function, arguments: [elements[index], LocatedValue(.number(Double(index)), span: here), receiver], at: range)
        }
        func truthy(_ value: LocatedValue) -> Bool { JSConversions.toBoolean(value.value) }
        switch name {
        case "map":
            let function = try callback(arguments, at: range)
            return try nested(.array(try elements.indices.map { try each(function, $0) }), at: range)
        case "flatMap":
            let function = try callback(arguments, at: range)
            let mapped = try elements.indices.map { try each(function, $0) }
            return try nested(.array(mapped.flatMap { item -> [LocatedValue] in
                if case .array(let inner) = item.value { return inner }
                return [item]
            }), at: range)
        case "filter":
            let function = try callback(arguments, at: range)
            return try nested(.array(try elements.indices.filter { truthy(try each(function, $0)) }.map { elements[$0] }), at: range)
        case "find":
            let function = try callback(arguments, at: range)
            return try elements.indices.first { truthy(try each(function, $0)) }.map { elements[$0] } ?? LocatedValue(.undefined, span: here)
        case "some", "every":
            let function = try callback(arguments, at: range)
            let result = name == "some" ? try elements.indices.contains { truthy(try each(function, $0)) }
                : try elements.indices.allSatisfy { truthy(try each(function, $0)) }
            return LocatedValue(.boolean(result), span: here)
        case "reduce":
            let function = try callback(arguments, at: range)
            var indices = Array(elements.indices)
            var accumulator: LocatedValue
            if arguments.count > 1 {
                accumulator = arguments[1]
            } else {
                guard let first = indices.first else { throw runtimeError("TypeError: Reduce of empty array with no initial value", at: range) }
                accumulator = elements[first]
                indices.removeFirst()
            }
            for index in indices {
                try context.spendStep(at: range, in: self)
                accumulator = try call(function, arguments: [accumulator, elements[index], LocatedValue(.number(Double(index)), span: here), receiver], at: range)
            }
            return accumulator
        case "includes", "indexOf":
            let target = arguments.first?.value ?? .undefined
            if target.isComposite { throw unsupported("`\(name)` of an object or array", at: range) }
            let from = try startIndex(count: elements.count, arguments.dropFirst().first, at: range)
            let index = elements.indices.dropFirst(from).first { index in
                let element = elements[index].value
                return name == "includes" && element.isNaNNumber && target.isNaNNumber ? true : JSConversions.strictEquals(element, target)
            }
            if name == "includes" { return LocatedValue(.boolean(index != nil), span: here) }
            return LocatedValue(.number(Double(index ?? -1)), span: here)
        case "join":
            var glue = ","
            if let separator = arguments.first, !separator.value.isUndefined { glue = try toJSString(separator, at: range) }
            let text = try elements.map { $0.value.isNullish ? "" : try toJSString($0, at: range) }.joined(separator: glue)
            try checkLength(text, at: range)
            return LocatedValue(.string(text), span: here)
        case "concat":
            var result = elements
            for argument in arguments {
                if case .array(let inner) = argument.value { result += inner } else { result.append(argument) }
            }
            try context.spendStep(at: range, in: self, count: result.count)
            return try nested(.array(result), at: range)
        case "slice":
            let (start, end) = try sliceBounds(count: elements.count, arguments, at: range)
            return try nested(.array(start < end ? Array(elements[start..<end]) : []), at: range)
        case "flat":
            var depth = 1
            if let requested = arguments.first, !requested.value.isUndefined {
                depth = JSConversions.toIntegerOrInfinity(try toNumber(requested, at: range))
            }
            return try nested(.array(flatten(elements, depth: depth)), at: range)
        default:
            throw unsupported("array method `\(name)`", at: range)
        }
    }

    private func flatten(_ elements: [LocatedValue], depth: Int) -> [LocatedValue] {
        guard depth > 0 else { return elements }
        return elements.flatMap { element -> [LocatedValue] in
            if case .array(let inner) = element.value { return flatten(inner, depth: depth - 1) }
            return [element]
        }
    }

    /// A `fromIndex`/`position` argument: negative counts from the end (arrays), clamped to the length.
    private func startIndex(count: Int, _ argument: LocatedValue?, at range: JSRange) throws -> Int {
        guard let argument, !argument.value.isUndefined else { return 0 }
        let index = JSConversions.toIntegerOrInfinity(try toNumber(argument, at: range))
        return index < 0 ? max(0, count + index) : min(count, index)
    }

    /// Relative start/end as `slice` reads them: negative counts from the end, clamped to the length.
    private func sliceBounds(count: Int, _ arguments: [LocatedValue], at range: JSRange) throws -> (Int, Int) {
        func bound(_ index: Int, default value: Int) throws -> Int {
            guard index < arguments.count, !arguments[index].value.isUndefined else { return value }
            let number = try toNumber(arguments[index], at: range)
            if number.isNaN { return 0 }
            let relative = number < 0 ? max(0, Double(count) + number.rounded(.towardZero)) : min(Double(count), number.rounded(.towardZero))
            return Int(relative)
        }
        return (try bound(0, default: 0), try bound(1, default: count))
    }

    private func callStringMethod(_ name: String, _ text: String, _ arguments: [LocatedValue], at range: JSRange) throws -> LocatedValue {
        let here = span(range)
        func string(_ value: String) throws -> LocatedValue {
            try checkLength(value, at: range)
            return LocatedValue(.string(value), span: here)
        }
        func stringArgument(_ index: Int) throws -> String {
            index < arguments.count ? try toJSString(arguments[index], at: range) : "undefined"
        }
        let units = Array(text.utf16)
        func fromUnits(_ slice: ArraySlice<UInt16>) throws -> String { try utf16String(slice, at: range) }
        switch name {
        case "toLowerCase":
            // JavaScript lowers a word-final Σ to ς; Swift always gives σ.
            if text.unicodeScalars.contains("\u{03A3}") { throw unsupported("`toLowerCase` of text with a capital sigma", at: range) }
            return try string(text.lowercased())
        case "toUpperCase": return try string(text.uppercased())
        case "toString": return try string(text)
        case "trim", "trimStart", "trimEnd":
            var scalars = Substring(text).unicodeScalars
            let isSpace = { (scalar: Unicode.Scalar) in JSLexer.isWhitespace(scalar) || SourceText.isLineTerminator(scalar) }
            if name != "trimEnd" { scalars = scalars.drop(while: isSpace) }
            if name != "trimStart" { while let last = scalars.last, isSpace(last) { scalars.removeLast() } }
            return try string(String(scalars))
        case "includes", "startsWith", "endsWith":
            if arguments.count > 1 { throw unsupported("`\(name)` with a position", at: range) }
            let search = Array(try stringArgument(0).utf16)
            let result = name == "includes" ? JSEvaluator.firstIndex(of: search, in: units) != nil
                : name == "startsWith" ? units.starts(with: search) : units.reversed().starts(with: search.reversed())
            return LocatedValue(.boolean(result), span: here)
        case "indexOf":
            let from = try startIndex(count: units.count, arguments.dropFirst().first, at: range)
            let found = JSEvaluator.firstIndex(of: Array(try stringArgument(0).utf16), in: units, from: from) ?? -1
            return LocatedValue(.number(Double(found)), span: here)
        case "split":
            guard let separatorValue = arguments.first, !separatorValue.value.isUndefined else {
                return try nested(.array([LocatedValue(.string(text), span: here)]), at: range)
            }
            if arguments.count > 1 { throw unsupported("`split` with a limit", at: range) }
            let separator = Array(try toJSString(separatorValue, at: range).utf16)
            var parts: [String] = []
            if separator.isEmpty {
                parts = try units.map { try fromUnits([$0]) }
            } else {
                var start = 0
                while let found = JSEvaluator.firstIndex(of: separator, in: units, from: start) {
                    parts.append(try fromUnits(units[start..<found]))
                    start = found + separator.count
                }
                parts.append(try fromUnits(units[start...]))
            }
            try context.spendStep(at: range, in: self, count: parts.count)
            return try nested(.array(parts.map { LocatedValue(.string($0), span: here) }), at: range)
        case "replace", "replaceAll":
            guard arguments.count >= 2, case .string(let pattern) = arguments[0].value, case .string(let replacement) = arguments[1].value,
                  !replacement.contains("$") else {
                throw unsupported("`\(name)` with a pattern, function or `$` replacement", at: range)
            }
            let search = Array(pattern.utf16)
            let inserted = Array(replacement.utf16)
            if search.isEmpty {
                // An empty pattern matches before every code unit and at the end.
                if name == "replace" { return try string(replacement + text) }
                return try string(try fromUnits((units.flatMap { inserted + [$0] } + inserted)[...]))
            }
            var result: [UInt16] = []
            var start = 0
            while let found = JSEvaluator.firstIndex(of: search, in: units, from: start) {
                result += units[start..<found] + inserted
                start = found + search.count
                if name == "replace" { break }
            }
            result += units[start...]
            return try string(try fromUnits(result[...]))
        case "slice", "substring":
            if name == "substring" { throw unsupported("`substring`", at: range) }
            let (start, end) = try sliceBounds(count: units.count, arguments, at: range)
            return try string(start < end ? try fromUnits(units[start..<end]) : "")
        case "charAt":
            let index = arguments.isEmpty ? 0 : JSConversions.toIntegerOrInfinity(try toNumber(arguments[0], at: range))
            return try string(index >= 0 && index < units.count ? try fromUnits(units[index...index]) : "")
        case "repeat":
            let requested = try toNumber(arguments.first ?? LocatedValue(.undefined, span: here), at: range)
            let count = requested.isNaN ? 0 : requested.rounded(.towardZero)
            guard count >= 0, count.isFinite else {
                throw runtimeError("RangeError: Invalid count value: \(JSConversions.numberToString(requested))", at: range)
            }
            if text.isEmpty || count == 0 { return try string("") }
            guard count <= Double(EvaluationContext.maximumStringLength / text.utf8.count) else {
                throw unsupported("building a string longer than \(EvaluationContext.maximumStringLength) bytes", at: range)
            }
            return try string(String(repeating: text, count: Int(count)))
        case "concat":
            return try string(text + arguments.map { try toJSString($0, at: range) }.joined())
        default:
            throw unsupported("string method `\(name)`", at: range)
        }
    }
}

extension JSEvaluator {
    /// A string from UTF-16 code units. Cutting a surrogate pair in half makes a string Swift cannot
    /// hold (it would silently become U+FFFD), so that is left to Node.
    func utf16String<Units: Collection<UInt16>>(_ units: Units, at range: JSRange) throws -> String {
        var previousWasHigh = false
        for unit in units {
            let isHigh = (0xD800...0xDBFF).contains(unit)
            let isLow = (0xDC00...0xDFFF).contains(unit)
            if (isLow && !previousWasHigh) || (previousWasHigh && !isLow) {
                throw unsupported("splitting a surrogate pair (characters outside the Basic Multilingual Plane)", at: range)
            }
            previousWasHigh = isHigh
        }
        if previousWasHigh { throw unsupported("splitting a surrogate pair (characters outside the Basic Multilingual Plane)", at: range) }
        return String(decoding: units, as: UTF16.self)
    }

    /// JavaScript compares strings by UTF-16 code units (Swift's String would apply canonical equivalence).
    static func firstIndex(of search: [UInt16], in units: [UInt16], from start: Int = 0) -> Int? {
        units[start...].firstRange(of: search)?.lowerBound
    }
}

extension JSValue {
    var isNaNNumber: Bool {
        if case .number(let value) = self { return value.isNaN }
        return false
    }
}
