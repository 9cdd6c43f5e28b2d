import Foundation
import XCTest

@testable import grouparoo_gen

/// A real SIGINT or SIGTERM sent to a running `generate` leaves nothing behind: no generated
/// files and no `.gg-*.tmp` (issue 9 §5.3), and the run exits as the signal asks.
final class GenerateInterruptTests: GenerateTestCase {
    func testASignalDuringWritingRemovesEverythingTheRunWrote() throws {
        let binary = try BuiltTool.binary()
        let columns = (0..<800).map { "column_\($0)" }.joined(separator: ",")
        for signal in [SIGINT, SIGTERM] {
            let directory = root.appendingPathComponent("config-\(signal)")
            let process = Process()
            process.executableURL = binary
            process.arguments = ["generate", "postgres:table:source", "big", "--parent", "wh", "--with", columns,
                                 "--config-dir", directory.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Wait for the first file, so the signal lands while files are being written.
            let deadline = Date().addingTimeInterval(60)
            while process.isRunning, files(in: directory).isEmpty, Date() < deadline { usleep(2_000) }
            XCTAssertTrue(process.isRunning, "the run ended before it could be interrupted; use more columns")
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationReason, .exit)
            XCTAssertEqual(process.terminationStatus, 128 + signal)
            XCTAssertEqual(files(in: directory), [], "signal \(signal)")
        }
    }

    /// The previous handlers are back afterwards, and a signal the process ignores stays ignored meanwhile.
    func testHandlersAreRestoredAndIgnoredSignalsStayIgnored() {
        let original = signal(SIGTERM, SIG_IGN)
        defer { signal(SIGTERM, original) }
        let during = SignalDeferral.run { _ in signal(SIGTERM, SIG_IGN) }
        XCTAssertEqual(unsafeBitCast(during, to: Int.self), unsafeBitCast(SIG_IGN, to: Int.self), "ignored while writing")
        XCTAssertEqual(unsafeBitCast(signal(SIGTERM, SIG_IGN), to: Int.self), unsafeBitCast(SIG_IGN, to: Int.self), "restored")
        signal(SIGTERM, SIG_DFL)
        let handled = SignalDeferral.run { _ in signal(SIGTERM, SIG_DFL) }
        XCTAssertNotEqual(unsafeBitCast(handled, to: Int.self), unsafeBitCast(SIG_DFL, to: Int.self), "caught while writing")
        XCTAssertEqual(unsafeBitCast(signal(SIGTERM, SIG_DFL), to: Int.self), unsafeBitCast(SIG_DFL, to: Int.self), "restored")
    }

    /// Every file (not folder) under `directory`, temporary ones included.
    private func files(in directory: URL) -> [String] {
        let names = FileManager.default.enumerator(atPath: directory.path)?.allObjects as? [String] ?? []
        return names.filter { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path, isDirectory: &isDirectory)
                && !isDirectory.boolValue
        }
    }
}
