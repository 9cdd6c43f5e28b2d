extension ConfigReadResult {
    /// Files read one by one (e.g. planned files not yet written), to validate as one config.
    public static func of(_ files: [FileReadResult], directory: String) -> ConfigReadResult {
        ConfigReadResult(directory: directory, files: files)
    }
}
