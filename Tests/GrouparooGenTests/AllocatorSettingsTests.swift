import Foundation
import XCTest
import ConfigModel
@testable import grouparoo_gen

/// Worker threads ask for huge pages on their malloc heap (page faults were a tenth of a run's CPU time).
final class AllocatorSettingsTests: XCTestCase {
    func testAWorkerThreadsHeapIsAdvisedToUseHugePages() throws {
        guard FileManager.default.fileExists(atPath: "/sys/kernel/mm/transparent_hugepage/enabled") else {
            throw XCTSkip("this kernel has no transparent huge pages")
        }
        AllocatorSettings.apply(.batch)
        let flags = LargeStack.run { () -> String? in
            let allocation = malloc(AllocatorSettings.probeSize)!
            defer { free(allocation) }
            return Self.mappingFlags(containing: UInt(bitPattern: allocation)).map { "\($0) at \(allocation)" }
        }
        let found = try XCTUnwrap(flags, "no mapping in /proc/self/smaps holds the allocation")
        // "hg": the mapping carries MADV_HUGEPAGE, whatever the system-wide mode.
        XCTAssertTrue(found.split(separator: " ").contains("hg"), "VmFlags: \(found), break \(String(describing: sbrk(0)))")
    }

    /// The `VmFlags` line of the mapping in /proc/self/smaps whose range holds `address`.
    private static func mappingFlags(containing address: UInt) -> String? {
        // Read to the end: /proc files report a size of 0.
        guard let data = FileHandle(forReadingAtPath: "/proc/self/smaps")?.readDataToEndOfFile() else { return nil }
        let smaps = String(decoding: data, as: UTF8.self)
        var inside = false
        for line in smaps.split(separator: "\n") {
            let fields = line.split(separator: " ", maxSplits: 1)
            if let range = fields.first, range.contains("-"), !range.hasSuffix(":") {
                let bounds = range.split(separator: "-").compactMap { UInt($0, radix: 16) }
                inside = bounds.count == 2 && bounds[0] <= address && address < bounds[1]
            } else if inside, line.hasPrefix("VmFlags:") {
                return String(line.dropFirst("VmFlags:".count)).trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }
}
