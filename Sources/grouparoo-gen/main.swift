import Foundation

AllocatorSettings.apply(.batch)
if let problem = OpenFileLimit.ensureRoom() {
    CommandContext.live().writeError(problem)
    exit(2)
}
let status = CommandRouter.main(Array(CommandLine.arguments.dropFirst()), context: .live())
exit(status)
