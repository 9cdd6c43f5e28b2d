import ConfigModel
import Foundation
import FuzzerDriver

// Every input is read twice, as a JavaScript config file and as a JSON (JSON5)
// config file, and once more straight through the JSON5 parser. Reading must
// never crash, hang or trip AddressSanitizer; diagnostics are the expected
// outcome for garbage.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let reader = ConfigReader(options: ReaderOptions(environment: ["FUZZ_SET": "value", "FUZZ_EMPTY": ""]))
    let asJS = reader.read(contents: bytes, path: "/fuzz/config/input.js")
    let asJSON = reader.read(contents: bytes, path: "/fuzz/config/input.json")
    _ = JSON5.parse(bytes, file: "/fuzz/input.json5")
    // Touch the results so the work cannot be optimised away, and check two
    // invariants that hold for any input.
    for result in [asJS, asJSON] {
        precondition(!(result.needsNode && result.path.hasSuffix(".json")), "a .json file never needs Node")
        for diagnostic in result.diagnostics {
            if let span = diagnostic.span {
                precondition(span.start.line >= 1 && span.start.column >= 1, "diagnostic position must be 1-based")
            }
        }
    }
    return 0
}

// SwiftPM links executables with `main` renamed to `ReaderFuzzer_main`, so libFuzzer's
// own main() cannot be used; hand control to libFuzzer from here instead. The driver runs
// on one thread with the reader's large stack, so each read runs in place instead of
// starting a thread of its own (which made every execution several times slower).
let driver = Thread {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) })
}
driver.stackSize = 256 << 20
driver.start()
while true { sleep(60) }
