/// Turns typed fields back into JS values for `toJSValue()`.
enum ConfigEncoding {
    /// Rebuilds an object: original keys in their order (typed values win, others are copied),
    /// then typed keys the original lacked, in `fields` order.
    static func merge(object original: JSObject, fields: [(key: String, value: LocatedValue?)]) -> JSObject {
        var typed: [String: LocatedValue] = [:]
        for field in fields {
            if let value = field.value, typed[field.key] == nil { typed[field.key] = value }
        }
        var result = JSObject()
        for property in original.properties {
            result.set(property.key, typed[property.key] ?? property.value, keySpan: property.keySpan)
        }
        for field in fields where result.property(field.key) == nil {
            if let value = field.value { result.set(field.key, value) }
        }
        return result
    }

    static func merge(header: ConfigObjectHeader, fields: [(key: String, value: LocatedValue?)]) -> JSValue {
        let leading: [(key: String, value: LocatedValue?)] = [
            ("class", string(header.rawClass)),
            ("id", string(header.id)),
        ]
        return .object(merge(object: header.object, fields: leading + fields))
    }

    static func string(_ field: Field<String>?) -> LocatedValue? {
        field.map { LocatedValue(.string($0.value), span: $0.span) }
    }

    static func bool(_ field: Field<Bool>?) -> LocatedValue? {
        field.map { LocatedValue(.boolean($0.value), span: $0.span) }
    }

    /// `Field(nil)` encodes as `null`, which is meaningful for permission options.
    static func nullableBool(_ field: Field<Bool?>?) -> LocatedValue? {
        field.map { LocatedValue($0.value.map(JSValue.boolean) ?? .null, span: $0.span) }
    }

    static func number(_ field: Field<Double>?) -> LocatedValue? {
        field.map { LocatedValue(.number($0.value), span: $0.span) }
    }

    static func enumValue<Known>(_ field: Field<EnumValue<Known>>?) -> LocatedValue? {
        field.map { LocatedValue(.string($0.value.rawValue), span: $0.span) }
    }

    static func scalar(_ field: Field<ConfigScalar>?) -> LocatedValue? {
        field.map { LocatedValue($0.value.jsValue, span: $0.span) }
    }

    static func object(_ field: Field<JSObject>?) -> LocatedValue? {
        field.map { LocatedValue(.object($0.value), span: $0.span) }
    }

    /// A reference map; entries whose target did not decode keep their original value.
    static func references(_ field: Field<[KeyedReference]>?) -> LocatedValue? {
        field.map { references in
            var result = JSObject()
            for reference in references.value {
                let value = reference.target.map { LocatedValue(.string($0.value), span: $0.span) } ?? reference.raw
                result.set(reference.key, value, keySpan: reference.keySpan)
            }
            return LocatedValue(.object(result), span: references.span)
        }
    }

    /// An array of nested models, each encoded with `encode`.
    static func list<Element>(_ field: Field<[Element]>?, _ encode: (Element) -> LocatedValue) -> LocatedValue? {
        field.map { LocatedValue(.array($0.value.map(encode)), span: $0.span) }
    }

    /// Wraps a nested model's merged object with its span.
    static func nested(_ object: JSObject, fields: [(key: String, value: LocatedValue?)], span: SourceSpan)
        -> LocatedValue {
        LocatedValue(.object(merge(object: object, fields: fields)), span: span)
    }
}

extension ConfigEncoding {
    /// A nested element (filter, rule, permission): merged when it was an object, else its raw value.
    static func element(raw: LocatedValue, object: JSObject, fields: [(key: String, value: LocatedValue?)])
        -> LocatedValue {
        if case .object = raw.value { return nested(object, fields: fields, span: raw.span) }
        return raw
    }
}
