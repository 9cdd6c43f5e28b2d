/// Reads a whole JSON5 document into located values, with parse failures as diagnostics.
public enum JSON5 {
    /// Parses a whole document. On failure the value is nil and one error diagnostic says where and why.
    public static func parse(_ bytes: [UInt8], file: String) -> (value: LocatedValue?, diagnostics: [Diagnostic]) {
        switch SourceText.decode(bytes, file: file) {
        case .failure(let error):
            return (nil, [error.diagnostic(file: file)])
        case .success(let source):
            return parse(source)
        }
    }

    static func parse(_ source: SourceText) -> (value: LocatedValue?, diagnostics: [Diagnostic]) {
        var parser = JSON5Parser(source: source)
        do {
            return (try parser.parseDocument(), [])
        } catch let error as ReadError {
            return (nil, [error.diagnostic(file: source.file)])
        } catch {
            return (nil, [Diagnostic(severity: .error, problem: .syntaxError, message: "\(error)", span: .wholeFile(source.file))])
        }
    }
}
