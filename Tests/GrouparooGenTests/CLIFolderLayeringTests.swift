import Foundation
import XCTest

/// `CLI/` is the command-line library the commands are built on (parsing, options, output
/// helpers); it must not name a type declared in a command's folder, so the folders form no cycle.
final class CLIFolderLayeringTests: XCTestCase {
    private static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/grouparoo-gen")

    /// Swift files under `folder`, with comments removed (a comment may name anything).
    private func code(under folder: String) throws -> [(path: String, text: String)] {
        let root = Self.sources.appendingPathComponent(folder)
        let paths = try FileManager.default.subpathsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".swift") }
        return try paths.map { path in
            let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            let lines = text.components(separatedBy: "\n").map { line -> String in
                guard let comment = line.range(of: "//") else { return line }
                return String(line[..<comment.lowerBound])
            }
            return ("\(folder)/\(path)", lines.joined(separator: "\n"))
        }
    }

    private func declaredTypes(in text: String) throws -> [String] {
        let pattern = try NSRegularExpression(pattern: #"(?m)^\s*(?:private |fileprivate )?(?:indirect )?(?:final )?(?:struct|enum|class|protocol|typealias) ([A-Z][A-Za-z0-9]*)"#)
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    func testCLIFolderNamesNoCommandFolderType() throws {
        let commandFolders = try FileManager.default.contentsOfDirectory(atPath: Self.sources.path)
            .filter { $0 != "CLI" && !$0.hasSuffix(".swift") }
        XCTAssertTrue(commandFolders.contains("Validate") && commandFolders.contains("Generate"), "\(commandFolders)")
        var owner: [String: String] = [:]
        for folder in commandFolders {
            for file in try code(under: folder) {
                for type in try declaredTypes(in: file.text) { owner[type] = folder }
            }
        }
        XCTAssertNotNil(owner["ValidateCommand"], "the scan finds declarations")
        let cliFiles = try code(under: "CLI")
        XCTAssertFalse(cliFiles.isEmpty)
        for file in cliFiles {
            let words = Set(file.text.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init))
            for word in words {
                if let folder = owner[word] {
                    XCTFail("\(file.path) uses \(word), declared in \(folder)/; move the shared piece into CLI/")
                }
            }
        }
    }
}
