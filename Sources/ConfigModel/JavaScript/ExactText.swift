/// Text as a set or dictionary key that equals another only when spelled with the same bytes, as JavaScript
/// compares names and keys (`String ==` merges canonically equivalent spellings, such as `Å` and `A` + U+030A,
/// which are two different names to JavaScript).
struct ExactText: Hashable {
    let text: String

    static func == (first: ExactText, second: ExactText) -> Bool { ByteScan.sameUTF8(first.text, second.text) }

    // Same bytes give the same String hash, which is all a key's hash must agree with.
    func hash(into hasher: inout Hasher) { hasher.combine(text) }
}
