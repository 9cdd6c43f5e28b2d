/// The order Grouparoo applies objects in (R-DEP-09), from the shared dependency graph, for
/// sorting a diff.
public enum ApplyOrder {
    /// Node ids (`class:id`) of a read config directory, dependencies first.
    public static func of(_ read: ConfigReadResult) -> [String] {
        order(ConfigGraph(read))
    }

    /// The same for objects without source files (a live instance): each gets a stand-in span.
    public static func of(_ objects: [PlainConfigObject]) -> [String] {
        let files = objects.map { object -> FileReadResult in
            let span = SourceSpan.wholeFile("live/\(object.key)")
            return FileReadResult(path: span.file, objects: [located(object.value, span: span)])
        }
        return order(ConfigGraph(ConfigReadResult(directory: "live", files: files)))
    }

    private static func order(_ graph: ConfigGraph) -> [String] {
        graph.analysis().order.map { graph.nodes[$0].id }
    }

    private static func located(_ value: ConfigValue, span: SourceSpan) -> LocatedValue {
        switch value {
        case .string(let text): return LocatedValue(.string(text), span: span)
        case .number(let number): return LocatedValue(.number(number), span: span)
        case .boolean(let flag): return LocatedValue(.boolean(flag), span: span)
        case .null: return LocatedValue(.null, span: span)
        case .environmentVariable: return LocatedValue(.undefined, span: span)
        case .array(let elements): return LocatedValue(.array(elements.map { located($0, span: span) }), span: span)
        case .object(let members):
            var object = JSObject()
            for member in members { object.set(member.key, located(member.value, span: span)) }
            return LocatedValue(.object(object), span: span)
        }
    }
}
