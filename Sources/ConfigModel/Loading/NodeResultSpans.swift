extension LocatedValue {
    /// The same value with every span, keys' included, set to `span`. Node's result is parsed from
    /// JSON it printed, so positions inside that text mean nothing in the config file: they would point
    /// at columns that do not exist (issue 9 §5.1). The file alone is the honest place.
    func relocated(to span: SourceSpan) -> LocatedValue {
        switch value {
        case .array(let elements):
            return LocatedValue(.array(elements.map { $0.relocated(to: span) }), span: span)
        case .object(let object):
            var moved = JSObject()
            for property in object.properties {
                moved.set(property.key, property.value.relocated(to: span), keySpan: span)
            }
            return LocatedValue(.object(moved), span: span)
        default:
            return LocatedValue(value, span: span)
        }
    }
}
