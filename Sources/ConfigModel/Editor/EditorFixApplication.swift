import Foundation

/// One file's quick fixes applied together, for `validate --fix`: the same fixes the language server
/// offers, with every edit that overlaps an earlier one left out (the next run fixes it).
public struct EditorFixApplication: Sendable, Equatable {
    public let original: [UInt8]
    public let fixed: [UInt8]
    public let applied: [EditorQuickFix]
    /// Fixes left out because an edit of theirs overlaps one already applied.
    public let skipped: [EditorQuickFix]
    /// Byte ranges of `original` that were replaced, ascending, with their replacement.
    public let replacements: [Replacement]

    public struct Replacement: Sendable, Equatable {
        public let range: Range<Int>
        public let newText: [UInt8]
    }

    /// Applies `fixes` to `document` in order, all edits of a fix or none; everything outside the
    /// edited ranges is copied byte for byte.
    public init(_ fixes: [EditorQuickFix], to document: EditorDocument) {
        var accepted: [Replacement] = []
        var applied: [EditorQuickFix] = []
        var skipped: [EditorQuickFix] = []
        for fix in fixes {
            let replacements = fix.edits.map { edit in
                Replacement(range: document.offset(of: edit.range.start)..<document.offset(of: edit.range.end), newText: Array(edit.newText.utf8))
            }
            if replacements.contains(where: { new in accepted.contains { Self.conflict($0.range, new.range) } }) {
                skipped.append(fix)
            } else {
                accepted += replacements
                applied.append(fix)
            }
        }
        accepted.sort { $0.range.lowerBound < $1.range.lowerBound }
        var fixed: [UInt8] = []
        var cursor = 0
        for replacement in accepted {
            fixed += document.bytes[cursor..<replacement.range.lowerBound]
            fixed += replacement.newText
            cursor = replacement.range.upperBound
        }
        fixed += document.bytes[cursor...]
        self.original = document.bytes
        self.fixed = fixed
        self.applied = applied
        self.skipped = skipped
        self.replacements = accepted
    }

    /// Overlapping ranges, or two insertions at one place (their order would be a guess).
    static func conflict(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        a.overlaps(b) || a.lowerBound == b.lowerBound || (a.isEmpty && b.contains(a.lowerBound)) || (b.isEmpty && a.contains(b.lowerBound))
    }
}
