import Foundation

AllocatorSettings.apply()
let status = CommandRouter.main(Array(CommandLine.arguments.dropFirst()), context: .live())
exit(status)
