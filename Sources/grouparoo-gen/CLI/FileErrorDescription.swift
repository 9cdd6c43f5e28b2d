import Foundation

/// Plain words for file-system errors. Foundation's errors print as
/// `Error Domain=NSCocoaErrorDomain Code=513 "(null)" UserInfo={...}` on Linux, which no user
/// should see: every error that can come from FileManager, Data or a POSIX call goes through here.
enum FileErrorDescription {
    /// `"<path>: <reason>"` (or just the reason when no path is known), e.g.
    /// `config/teams/README.md: permission denied`. `path` wins over the path the error carries,
    /// which may be a temporary file. Our own errors (CustomStringConvertible, not Foundation's)
    /// keep their text.
    static func describe(_ error: any Error, path: String? = nil) -> String {
        guard let why = reason(error) else { return ControlCharacters.escaped("\(error)") }
        let nsError = error as NSError
        let place = path ?? (nsError.userInfo[NSFilePathErrorKey] as? String) ?? (nsError.userInfo[NSURLErrorKey] as? URL)?.path
        return place.map { "\(ControlCharacters.escaped($0)): \(why)" } ?? why
    }

    /// The plain reason for a Foundation or POSIX error; nil for any other error.
    static func reason(_ error: any Error) -> String? {
        if let posix = error as? POSIXError { return posixReason(posix.code.rawValue) }
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain { return posixReason(Int32(truncatingIfNeeded: nsError.code)) }
        guard nsError.domain == NSCocoaErrorDomain else { return nil }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return posixReason(Int32(truncatingIfNeeded: underlying.code))
        }
        switch CocoaError.Code(rawValue: nsError.code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or directory"
        case .fileReadNoPermission, .fileWriteNoPermission: return "permission denied"
        case .fileWriteOutOfSpace: return "no space left on device"
        case .fileWriteVolumeReadOnly: return "read-only file system"
        case .fileWriteFileExists: return "file exists"
        case .fileWriteInvalidFileName, .fileReadInvalidFileName: return "invalid file name"
        case .fileReadInapplicableStringEncoding, .fileReadUnknownStringEncoding, .fileWriteInapplicableStringEncoding:
            return "not UTF-8 text"
        case .fileReadTooLarge: return "file too large"
        case .fileReadCorruptFile: return "unreadable file"
        case .fileLocking: return "file is locked"
        default: return "file system error (code \(nsError.code))"
        }
    }

    /// strerror's text with a lower-case first letter: "permission denied", "no space left on device".
    static func posixReason(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        guard let first = text.first else { return "error \(code)" }
        return first.lowercased() + text.dropFirst()
    }
}
