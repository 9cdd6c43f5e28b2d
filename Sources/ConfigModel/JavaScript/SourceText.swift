/// Source text decoded into Unicode scalars, with the means to turn an index
/// into a line and column. Decoding rejects invalid UTF-8 with its position.
struct SourceText {
    let file: String
    private let fileID: Int32
    let scalars: [Unicode.Scalar]
    /// Scalar index at which each line starts.
    private let lineStarts: [Int]

    init(file: String, scalars: [Unicode.Scalar]) {
        self.file = file
        self.fileID = FilePathTable.shared.id(for: file)
        self.scalars = scalars
        var starts = [0]
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" {
                index += 1
            }
            if SourceText.isLineTerminator(scalar) {
                starts.append(index + 1)
            }
            index += 1
        }
        lineStarts = starts
    }

    /// Decodes UTF-8, reporting the line and column of the first invalid byte sequence.
    static func decode(_ bytes: [UInt8], file: String) -> Result<SourceText, ReadError> {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(bytes.count)
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                scalars.append(scalar)
            case .emptyInput:
                break decoding
            case .error:
                let partial = SourceText(file: file, scalars: scalars)
                let position = partial.position(of: scalars.count)
                return .failure(ReadError(.syntax, "the file is not valid UTF-8", at: position))
            }
        }
        return .success(SourceText(file: file, scalars: scalars))
    }

    static func isLineTerminator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    func position(of index: Int) -> TextPosition {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= index { low = mid } else { high = mid - 1 }
        }
        return TextPosition(line: low + 1, column: index - lineStarts[low] + 1)
    }

    func span(_ start: Int, _ end: Int) -> SourceSpan {
        SourceSpan(fileID: fileID, start: position(of: start), end: position(of: end))
    }

    var lineCount: Int { lineStarts.count }

    /// The text of a 1-based line, without its terminator (for caret displays).
    func line(_ number: Int) -> String {
        guard number >= 1, number <= lineStarts.count else { return "" }
        var index = lineStarts[number - 1]
        var text = String.UnicodeScalarView()
        while index < scalars.count, !SourceText.isLineTerminator(scalars[index]) {
            text.append(scalars[index])
            index += 1
        }
        return String(text)
    }
}

/// Why a file could not be read: a real mistake in the file (`syntax`, `runtime`),
/// or valid JavaScript that needs Node to evaluate (`unsupported`).
struct ReadError: Error {
    enum Kind {
        case syntax
        case unsupported
        case runtime
    }

    let kind: Kind
    let message: String
    let position: TextPosition
    /// The file the error is in, when it is not the file being read (a `require`d file).
    var file: String?

    init(_ kind: Kind, _ message: String, at position: TextPosition, file: String? = nil) {
        self.kind = kind
        self.message = message
        self.position = position
        self.file = file
    }
}
