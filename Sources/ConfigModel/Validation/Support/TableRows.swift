/// Each top-level key of a run of entries matched once to its class's fields (`ConfigClass.fields`), for every entry
/// rule of a chunk (`EntryRule`): the generic value rules each looked the keys up again, comparing strings, which was
/// most of what they cost an object.
public struct TableRows: Sendable {
    /// A key no field has (no field's key has its bytes), written in ASCII.
    static let none: Int16 = -1
    /// A key outside ASCII: no field's key has its bytes, but `String ==`, which some rules compare with, may take it
    /// for one (`\u{212A}ey` for `Key`).
    static let notASCII: Int16 = -2

    /// Per property of each entry of a known class, in order: the place of its key in the class's fields, or one of
    /// the two above.
    private let rows: [Int16]
    /// Where each entry's rows start in `rows`, and where the last one's end.
    private let starts: [Int32]
    private let firstPosition: Int

    init(_ positions: Range<Int>, of config: ValidationInput) {
        // Counted first, then written into room of that size: appending row by row cost a uniqueness and a capacity
        // check for each.
        var starts: [Int32] = [0]
        starts.reserveCapacity(positions.count + 1)
        let fieldKeys = Self.fieldKeys  // fetched once, not once per entry
        // Each entry's object is read in place (not retained, nor copied out as `properties`).
        self.rows = config.entries.withUnsafeBufferPointer { entries in
            for position in positions {
                let count = entries.withUnretained(at: position) { entry in
                    guard entry.dispatchClass != nil, case .object(let object) = entry.value.value else { return 0 }
                    return object.count
                }
                starts.append(starts[starts.count - 1] + Int32(count))
            }
            return [Int16](unsafeUninitializedCapacity: Int(starts[starts.count - 1])) { rows, written in
                for position in positions {
                    entries.withUnretained(at: position) { entry in
                        guard let configClass = entry.dispatchClass, case .object(let object) = entry.value.value else { return }
                        let fields = fieldKeys[configClass]
                        object.properties.withUnsafeBufferPointer { properties in
                            for index in properties.indices {
                                let key = properties[index].key
                                rows[written] = fields.place(ofSameLength: key).map(Int16.init) ?? (key.isAllASCII ? Self.none : Self.notASCII)
                                written += 1
                            }
                        }
                    }
                }
            }
        }
        self.starts = starts
        firstPosition = positions.lowerBound
    }

    /// Each class's field keys; all ASCII (a test checks), so a key found in them has the same bytes.
    private static let fieldKeys = PerClass { KeyList($0.fields.map(\.key)) }

    /// The place of `key` in the class's fields (the first field with it), as the rows give it.
    static func row(of key: String, in configClass: ConfigClass) -> Int16? {
        fieldKeys[configClass].place(ofSameLength: key).map(Int16.init)
    }

    /// Calls `body` with each entry's position and rows, in order.
    func forEachEntry(_ body: (Int, EntryRows) -> Void) {
        rows.withUnsafeBufferPointer { rows in
            for index in starts.indices.dropLast() {
                body(firstPosition + index, EntryRows(rows: UnsafeBufferPointer(rebasing: rows[Int(starts[index])..<Int(starts[index + 1])])))
            }
        }
    }
}

/// One entry's rows (`TableRows`), valid while a rule checks the entry; none for an entry of no known class.
public struct EntryRows {
    let rows: UnsafeBufferPointer<Int16>

    /// The row of property `index`'s key.
    subscript(index: Int) -> Int16 { rows[index] }

    /// The first property whose key is the field's at `row`: what `JSObject.propertyIndex` finds for the field's key.
    func firstProperty(at row: Int16?) -> Int? {
        guard let row else { return nil }
        return rows.firstIndex(of: row)
    }
}

extension ConfigEntry {
    /// Calls `body` with the entry's object read in place (an empty one when the value is not an object): `properties`
    /// returns a copy, a retain and a release of the object's storage per entry and rule, on storage both cores read.
    func withProperties<Result>(_ body: (JSObject) -> Result) -> Result {
        guard case .object(let object) = value.value else { return body(JSObject()) }
        return body(object)
    }
}

extension Array where Element: AnyObject {
    /// Calls `body` with the object at `position` unretained (`UnsafeBufferPointer.withUnretained`).
    func withUnretained<Result>(at position: Int, _ body: (Element) -> Result) -> Result {
        withUnsafeBufferPointer { $0.withUnretained(at: position, body) }
    }
}

extension Array {
    /// Calls `body` with each model of a typed list in order, unretained (`withUnretained`): `for … in` retained and
    /// released every model.
    func forEachUnretained<Model>(_ body: (Decoded<Model>) -> Void) where Element == Decoded<Model> {
        withUnsafeBufferPointer { models in
            for index in models.indices { models.withUnretained(at: index, body) }
        }
    }
}
