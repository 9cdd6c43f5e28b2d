/// One row of a model's field table: the key's facts plus how its value moves between the
/// config object and the typed model property. Managed columns have no property.
struct FieldBinding<Model>: Sendable {
    let field: ConfigField
    /// Reads the object's property at the given index, the one whose key is `field.key`.
    let decode: @Sendable (inout Model, FieldReader, Int) -> Void
    let encode: @Sendable (Model) -> LocatedValue?
}

/// A model's fields in declaration order; decoding reads every bound key, encoding writes them in
/// this order (new keys of a model built in code follow it).
struct FieldTable<Model>: Sendable {
    let rows: [FieldBinding<Model>]
    /// The bound rows' decoders alone: decoding runs once per object, and walking `rows` would
    /// copy (and reference-count) every row's facts each time.
    private let decoders: [RowDecoder]
    /// The bound rows' keys, in the order of `decoders`.
    private let keys: FieldKeys

    /// The facts of every row, in order (rules read them for each object they check).
    let fields: [ConfigField]

    init(_ rows: [FieldBinding<Model>]) {
        self.rows = rows
        let bound = rows.filter { !$0.field.type.isManaged }
        decoders = bound.map { RowDecoder($0.decode) }
        keys = FieldKeys(bound.map(\.field.key))
        fields = rows.map(\.field)
    }

    /// One pass over the object's keys finds the property of each bound key (the first, as a look-up by key
    /// would); the decoders then run in table order, so diagnostics come out as they would from looking each
    /// key up in turn. A key the object lacks costs nothing (its property stays `nil`).
    func decode(into model: inout Model, from reader: FieldReader) {
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: decoders.count) { found in
            found.initialize(repeating: -1)
            for index in reader.object.properties.indices {
                if let row = keys.row(of: reader.object.properties[index].key), found[row] < 0 { found[row] = Int32(index) }
            }
            decoders.withUnsafeBufferPointer { decoders in
                for row in found.indices where found[row] >= 0 {
                    decoders.withUnretained(at: row) { $0.decode(&model, reader, Int(found[row])) }
                }
            }
        }
    }

    /// A row's decoder in an object of its own, so `decode` can call it unretained: a closure called from an array
    /// retained and released its context, which every object of the class shares, on both cores.
    private final class RowDecoder: Sendable {
        let decode: @Sendable (inout Model, FieldReader, Int) -> Void

        init(_ decode: @escaping @Sendable (inout Model, FieldReader, Int) -> Void) { self.decode = decode }
    }

    func encoded(_ model: Model) -> [(key: String, value: LocatedValue?)] {
        rows.compactMap { row in row.field.type.isManaged ? nil : (row.field.key, row.encode(model)) }
    }
}

extension UnsafeBufferPointer where Element: AnyObject {
    /// Calls `body` with the object at `position` unretained (a row's decoder, an entry, a model): the array keeps it,
    /// and a retain and a release per use made the other core, using the same objects, wait for the count's cache line.
    func withUnretained<Result>(at position: Int, _ body: (Element) -> Result) -> Result {
        Unmanaged.passUnretained(self[position])._withUnsafeGuaranteedRef(body)
    }
}

extension ConfigValueType {
    var isManaged: Bool { if case .any = self { return true } else { return false } }
}

/// The declarations the field tables are written with: key, how to get and set the model property,
/// facts, help. Properties are reached through closures, not key paths: the runtime builds a key path
/// object on first use, resolving its types by name, which cost more than all of a small config's decoding.
extension FieldBinding {
    typealias Get<Value> = @Sendable (Model) -> Field<Value>?
    typealias Set<Value> = @Sendable (inout Model, consuming Field<Value>?) -> Void

    private static func bind<Value>(_ field: ConfigField, _ get: @escaping Get<Value>, _ set: @escaping Set<Value>,
                                    read: @escaping @Sendable (FieldReader, Int) -> Field<Value>?,
                                    write: @escaping @Sendable (Field<Value>?) -> LocatedValue?) -> FieldBinding {
        FieldBinding(field: field, decode: { model, reader, index in set(&model, read(reader, index)) },
                     encode: { model in write(get(model)) })
    }

    static func managed(_ key: String, _ help: String, status: FieldStatus = .managed) -> FieldBinding {
        FieldBinding(field: .managed(key, help, status: status), decode: { _, _, _ in }, encode: { _ in nil })
    }

    static func string(_ key: String, _ get: @escaping Get<String>, _ set: @escaping Set<String>,
                       _ requirement: FieldRequirement = .optional, length: ClosedRange<Int>? = nil,
                       references: ConfigClass? = nil, status: FieldStatus = .active, help: String) -> FieldBinding {
        bind(ConfigField(key, .string, requirement: requirement, length: length, references: references,
                         status: status, help: help),
             get, set, read: { $0.string(at: $1) }, write: ConfigEncoding.string)
    }

    static func bool(_ key: String, _ get: @escaping Get<Bool>, _ set: @escaping Set<Bool>,
                     _ requirement: FieldRequirement = .optional, status: FieldStatus = .active,
                     help: String) -> FieldBinding {
        bind(ConfigField(key, .boolean, requirement: requirement, status: status, help: help),
             get, set, read: { $0.bool(at: $1) }, write: ConfigEncoding.bool)
    }

    static func nullableBool(_ key: String, _ get: @escaping Get<Bool?>, _ set: @escaping Set<Bool?>,
                             help: String) -> FieldBinding {
        bind(ConfigField(key, .nullableBoolean, help: help), get, set, read: { $0.nullableBool(at: $1) },
             write: ConfigEncoding.nullableBool)
    }

    static func number(_ key: String, _ get: @escaping Get<Double>, _ set: @escaping Set<Double>,
                       help: String) -> FieldBinding {
        bind(ConfigField(key, .number, help: help), get, set, read: { $0.number(at: $1) }, write: ConfigEncoding.number)
    }

    static func scalar(_ key: String, _ get: @escaping Get<ConfigScalar>, _ set: @escaping Set<ConfigScalar>,
                       help: String) -> FieldBinding {
        bind(ConfigField(key, .scalar, help: help), get, set, read: { $0.scalar(at: $1) }, write: ConfigEncoding.scalar)
    }

    static func enumeration<Known>(_ key: String, _ get: @escaping Get<EnumValue<Known>>,
                                   _ set: @escaping Set<EnumValue<Known>>,
                                   _ requirement: FieldRequirement = .optional, help: String) -> FieldBinding
    where Known: CaseIterable & RawRepresentable & Sendable & Hashable, Known.RawValue == String {
        let cases = EnumCases<Known>()
        return bind(ConfigField(key, .string, requirement: requirement, allowedValues: Known.allCases.map(\.rawValue),
                                help: help),
                    get, set, read: { $0.enumValue(at: $1, cases) }, write: ConfigEncoding.enumValue)
    }

    /// A free-form string whose values Grouparoo checks elsewhere (filter and group rule `op`s).
    static func operation<Known>(_ key: String, _ get: @escaping Get<EnumValue<Known>>,
                                 _ set: @escaping Set<EnumValue<Known>>,
                                 _ requirement: FieldRequirement = .optional, help: String) -> FieldBinding
    where Known: CaseIterable & RawRepresentable & Sendable & Hashable, Known.RawValue == String {
        let cases = EnumCases<Known>()
        return bind(ConfigField(key, .string, requirement: requirement, help: help),
                    get, set, read: { $0.enumValue(at: $1, cases) }, write: ConfigEncoding.enumValue)
    }

    static func pluginOptions(_ key: String, _ get: @escaping Get<JSObject>, _ set: @escaping Set<JSObject>,
                              help: String) -> FieldBinding {
        bind(ConfigField(key, .pluginOptions, help: help), get, set, read: { $0.objectField(at: $1) },
             write: ConfigEncoding.object)
    }

    static func idMap(_ key: String, _ get: @escaping Get<[KeyedReference]>, _ set: @escaping Set<[KeyedReference]>,
                      references: ConfigClass, help: String) -> FieldBinding {
        bind(ConfigField(key, .idMap, references: references, help: help), get, set, read: { $0.references(at: $1) },
             write: ConfigEncoding.references)
    }

    /// A nested object with its own field table (`options` of api keys and team members, `refresh`).
    static func nested<Value: NestedConfig>(_ key: String, _ get: @escaping Get<Value>, _ set: @escaping Set<Value>,
                                            help: String) -> FieldBinding {
        bind(ConfigField(key, .object(Value.fieldTable.fields), help: help), get, set,
             read: { reader, index in
                 // Unpacked, not mapped: the field is then moved into the result (a mapped one was copied, then dropped).
                 guard let (nested, field) = reader.nested(at: index) else { return nil }
                 return field.withValue(Value(reader: nested))
             },
             write: { field in
                 field.map {
                     ConfigEncoding.nested($0.value.object, fields: Value.fieldTable.encoded($0.value), span: $0.span)
                 }
             })
    }

    /// An array of nested objects with their own field table (`filters`, `rules`, `permissions`).
    static func list<Element: NestedElement>(_ key: String, _ get: @escaping Get<[Element]>,
                                             _ set: @escaping Set<[Element]>, help: String) -> FieldBinding {
        bind(ConfigField(key, .list(Element.fieldTable.fields), help: help), get, set,
             read: { reader, index in reader.elements(at: index, decode: Element.init(reader:raw:)) },
             write: { field in ConfigEncoding.list(field) { $0.encodedElement } })
    }
}

/// A nested object decoded through its own field table; `object` keeps it as written.
protocol NestedConfig: Sendable {
    static var fieldTable: FieldTable<Self> { get }
    var object: JSObject { get }
    init(reader: FieldReader)
}

/// An element of an array of objects, decoded through its own field table; `raw` may be a non-object.
protocol NestedElement: Sendable {
    static var fieldTable: FieldTable<Self> { get }
    var object: JSObject { get }
    var raw: LocatedValue { get }
    init(reader: FieldReader, raw: LocatedValue)
}

extension NestedElement {
    /// The element as config: merged when it was an object, else its raw value.
    var encodedElement: LocatedValue {
        ConfigEncoding.element(raw: raw, object: object, fields: Self.fieldTable.encoded(self))
    }
}
