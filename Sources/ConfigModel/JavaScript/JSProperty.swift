/// One own property of an object, with the span of its key (64 bytes: trees hold millions of properties,
/// so the key span is stored relative to the value's span, see `KeySpanOffset`).
public struct JSProperty: Sendable {
    public var key: String
    /// Stored, not computed, so reading it borrows rather than copies; `replaceValue` keeps the key span.
    public private(set) var value: LocatedValue
    private var storedKeySpan: KeySpanOffset

    public init(key: String, keySpan: SourceSpan, value: LocatedValue) {
        // The value's last use stores it, so it is moved in rather than copied.
        storedKeySpan = KeySpanOffset(keySpan, from: value.span)
        self.key = key
        self.value = value
    }

    /// Sets the value, keeping the key span (stored relative to the value's span).
    public mutating func replaceValue(_ newValue: consuming LocatedValue) {
        let keySpan = self.keySpan
        value = newValue
        storedKeySpan = KeySpanOffset(keySpan, from: newValue.span)
    }

    public var keySpan: SourceSpan {
        get { storedKeySpan.span(from: value.span) }
        set { storedKeySpan = KeySpanOffset(newValue, from: value.span) }
    }
}

/// A key span in 64 bits, relative to its value's span: a key is written in the value's file, a few
/// lines from it, on one short line (`SourceSpan.relativeBits`). The top two bits say how the rest is
/// read: relative to the value's span; or the value's own span (a property set without a key span); or,
/// for a span neither holds (a value from another file, a key past column 131,071), an index into `WideKeySpans`
/// beside the key's `startsWithLiteral` (the table tells spans apart by place only).
struct KeySpanOffset: Sendable {
    private static let modeShift: UInt64 = 62
    private static let sameAsValue: UInt64 = 1
    private static let wide: UInt64 = 2
    private static let wideLiteralBit: UInt64 = 1 << 32

    private let bits: UInt64

    init(_ key: SourceSpan, from value: SourceSpan) {
        if let relative = key.relativeBits(to: value) {
            bits = relative
        } else if key == value {
            bits = Self.sameAsValue << Self.modeShift
        } else {
            bits = Self.wide << Self.modeShift | (key.startsWithLiteral ? Self.wideLiteralBit : 0)
                | UInt64(WideKeySpans.shared.index(for: key))
        }
    }

    func span(from value: SourceSpan) -> SourceSpan {
        switch bits >> Self.modeShift {
        case Self.sameAsValue: return value
        case Self.wide:
            return WideKeySpans.shared.value(at: UInt32(truncatingIfNeeded: bits)).startingWithLiteral(bits & Self.wideLiteralBit != 0)
        default: return SourceSpan(relativeBits: bits, to: value)
        }
    }
}

/// Key spans `KeySpanOffset` cannot hold relative to their value: only keys whose value was written in
/// another file (or far away, or past column 131,071) get here.
enum WideKeySpans {
    static let shared = InternTable<SourceSpan>()
}
