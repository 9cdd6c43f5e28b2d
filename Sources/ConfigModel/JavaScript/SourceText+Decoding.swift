extension SourceText {
    /// `path.hasSuffix(".json")`, from the last bytes when the character before `.json` is ASCII (nearly always):
    /// `hasSuffix` compares characters, which cost some hundred instructions per file read.
    static func isJSONPath(_ path: String) -> Bool {
        let fast = path.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            let count = bytes.count
            guard count >= 5, bytes[count - 5] == UInt8(ascii: "."), bytes[count - 4] == UInt8(ascii: "j"),
                  bytes[count - 3] == UInt8(ascii: "s"), bytes[count - 2] == UInt8(ascii: "o"),
                  bytes[count - 1] == UInt8(ascii: "n") else { return false }
            // A non-ASCII character before the `.` may join it in one character (a prepended mark): ask `hasSuffix`.
            return count == 5 || bytes[count - 6] < 0x80 ? true : nil
        }
        if let fast, let answer = fast { return answer }
        return path.hasSuffix(".json")
    }

    /// Decodes UTF-8, reporting the line and column of the first invalid byte sequence.
    static func decode(_ bytes: [UInt8], file: String) -> Result<SourceText, ReadError> {
        guard let invalid = firstInvalidSequence(in: bytes) else {
            return .success(SourceText(file: file, validUTF8: bytes))
        }
        let valid = SourceText(file: file, validUTF8: Array(bytes[..<invalid]))
        return .failure(ReadError(.syntax, "the file is not valid UTF-8", at: valid.position(of: invalid)))
    }

    /// Decodes UTF-8 the way Node reads a file it `require`s: each invalid sequence becomes U+FFFD and
    /// reading goes on. Also returns where the first invalid sequence was, so the caller can warn.
    static func decodeReplacingInvalid(_ bytes: [UInt8], file: String) -> (text: SourceText, firstInvalid: TextPosition?) {
        // The line scan says whether the file is all ASCII (nearly always): then it is valid as it is.
        let lines = LineTable(bytes)
        guard !lines.isASCII, let invalid = firstInvalidSequence(in: bytes) else {
            return (SourceText(file: file, validUTF8: bytes, lines: lines), nil)
        }
        let text = SourceText(file: file, validUTF8: replacingInvalidSequences(bytes, from: invalid))
        return (text, text.position(of: invalid))
    }

    /// The byte offset of the first invalid sequence, nil for valid UTF-8. Plain ASCII is skipped fast.
    private static func firstInvalidSequence(in bytes: [UInt8]) -> Int? {
        var offset = ByteScan.firstNonASCII(in: bytes)
        guard offset < bytes.count else { return nil }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes[offset...].makeIterator()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// Swift's parser skips the maximal invalid subpart, as Node's (WHATWG) decoder does, so each
    /// invalid sequence becomes one U+FFFD exactly where Node puts one.
    private static func replacingInvalidSequences(_ bytes: [UInt8], from start: Int) -> [UInt8] {
        var output = Array(bytes[..<start])
        output.reserveCapacity(bytes.count + 16)
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes[start...].makeIterator()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): output.append(contentsOf: encoded)
            case .emptyInput: return output
            case .error: output.append(contentsOf: [0xEF, 0xBF, 0xBD])
            }
        }
    }
}
