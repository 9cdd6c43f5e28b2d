/// Turns an instance's apiData into config objects the way Grouparoo's `getConfigObject` would
/// (rest-api.md §9), with secrets replaced by environment variables. Pure: no network, no files.
public struct ImportConversion: Sendable {
    public struct Options: Sendable {
        /// Classes to convert; all when empty.
        public var only: Set<RemoteClass>
        /// Keep objects locked by code config (`config:code`), which are skipped by default.
        public var includeLocked: Bool

        public init(only: Set<RemoteClass> = [], includeLocked: Bool = false) {
            self.only = only
            self.includeLocked = includeLocked
        }
    }

    /// A file's worth of objects: a source and its schedule share one (API-CFG-04).
    public struct File: Sendable, Equatable {
        public var remoteClass: RemoteClass
        /// The config id of the first object, which names the file.
        public var id: String
        public var objects: [PlainConfigObject]
    }

    public struct Skipped: Sendable, Equatable {
        public enum Reason: String, Sendable {
            case lockedByCodeConfig = "locked by code config"
            case notReady = "draft or deleted"
            case missingParent = "its parent is not ready"
        }
        public var remoteClass: RemoteClass
        public var id: String
        public var reason: Reason
    }

    /// A secret kept out of the files, read from `variable` instead.
    public struct Secret: Sendable, Equatable {
        public var variable: String
        /// `app:data_warehouse options.password`, for notices (never the value).
        public var location: String
        /// The class of the object holding it (`app`), for Grouparoo's option substitution names.
        public var objectClass: String
    }

    public struct Result: Sendable, Equatable {
        public var files: [File] = []
        public var skipped: [Skipped] = []
        public var secrets: [Secret] = []
        /// Things the user should know (unsupported values, what was changed to load back).
        public var notices: [String] = []

        public var objects: [PlainConfigObject] { files.flatMap(\.objects) }
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    public func convert(_ snapshot: InstanceSnapshot) -> Result {
        var context = ImportContext(snapshot: snapshot, options: options)
        context.convertAll()
        return context.result
    }
}
