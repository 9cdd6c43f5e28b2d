@testable import ConfigModel
import XCTest

/// `Scope.binding(of:)` (the evaluator's look-up for reading a name) must find what `lookup` finds.
final class JSScopeTests: XCTestCase {
    private func describe(_ binding: Scope.Binding?) -> String {
        switch binding {
        case .value(let value, let mutable)?: return "\(JSONOutput.stringify(value.value) ?? "undefined") mutable:\(mutable)"
        case .hostArgument?: return "host argument"
        case .builtin(let builtin)?: return "builtin \(builtin)"
        case nil: return "none"
        }
    }

    func testBindingOfAgreesWithLookupThroughNestedScopes() {
        let span = SourceSpan(file: "/virtual/scope.js", start: TextPosition(line: 1, column: 1),
                              end: TextPosition(line: 1, column: 1))
        let module = Scope(parent: nil, isFunction: true)
        module.declare("a", .value(LocatedValue(.number(1), span: span), mutable: false))
        module.declare("env", .builtin(.processEnv))
        let function = Scope(parent: module, isFunction: true)
        function.declare("config", .hostArgument)
        function.declare("a", .value(LocatedValue(.string("shadow"), span: span), mutable: true))
        let block = Scope(parent: function, isFunction: false)
        // Enough names that the innermost scope switches to its index.
        for index in 0..<20 { block.declare("b\(index)", .value(LocatedValue(.number(Double(index)), span: span), mutable: true)) }
        for scope in [module, function, block] {
            for name in ["a", "env", "config", "b3", "b19", "missing"] {
                XCTAssertEqual(describe(scope.binding(of: name)), describe(scope.lookup(name)?.0), name)
            }
        }
        XCTAssertEqual(describe(block.binding(of: "a")), #""shadow" mutable:true"#)
        XCTAssertTrue(block.lookup("a")?.1 === function)
    }
}
