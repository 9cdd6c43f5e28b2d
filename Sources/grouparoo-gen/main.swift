import Foundation

AllocatorSettings.apply(CommandLine.arguments.dropFirst().first == LSPCommand.spec.name ? .server : .batch)
if let problem = OpenFileLimit.ensureRoom() {
    CommandContext.live().writeError(problem)
    exit(2)
}
let status = CommandRouter.main(Array(CommandLine.arguments.dropFirst()), context: .live())
exit(status)
