import ConfigModel
import Foundation

/// Reads every list an import needs, page by page (API-PAGE-02): `offset` advances by the number
/// of items received until `total` is reached. A page that fails because one object's apiData
/// throws (API-ERR-05) is read again in smaller pages, down to single objects, and the objects
/// that still fail are left out and reported.
struct InstanceReader {
    let client: GrouparooClient
    var pageSize = 100
    /// Called after each page: the list's path, objects read so far, and the list's total.
    var progress: (String, Int, Int) -> Void = { _, _, _ in }

    struct Outcome {
        var snapshot = InstanceSnapshot()
        /// Objects that could not be read: "sources, position 3: <server message>".
        var unreadable: [String] = []
    }

    /// The classes whose lists the conversion of `classes` needs (references are resolved through them).
    static func listsNeeded(for classes: Set<RemoteClass>) -> [RemoteClass] {
        let wanted = classes.isEmpty ? Set(RemoteClass.allCases) : classes
        var needed = wanted
        let references: Set<RemoteClass> = [.model, .app, .source, .property, .group]
        if !wanted.isDisjoint(with: references.union([.destination])) { needed.formUnion(references) }
        if wanted.contains(.teamMember) { needed.insert(.team) }
        needed.formUnion(RemoteClass.allCases.filter { $0.facts.writtenWith.map(needed.contains) ?? false })
        return RemoteClass.allCases.filter(needed.contains)
    }

    func read(_ classes: [RemoteClass]) -> Result<Outcome, RemoteFailure> {
        var outcome = Outcome()
        for remoteClass in classes {
            switch readList(remoteClass, unreadable: &outcome.unreadable) {
            case .success(let items): outcome.snapshot[remoteClass] = items
            case .failure(let failure): return .failure(failure)
            }
        }
        return .success(outcome)
    }

    private func readList(_ remoteClass: RemoteClass, unreadable: inout [String]) -> Result<[ConfigValue], RemoteFailure> {
        let facts = remoteClass.facts
        guard facts.paginated else {
            let result = client.get(facts.path).map { $0[facts.envelope]?.arrayValue ?? [] }
            if case .success(let items) = result { progress(facts.path, items.count, items.count) }
            return result
        }
        var items: [ConfigValue] = []
        var offset = 0
        while true {
            let page: Page
            switch readPage(remoteClass, offset: offset, limit: pageSize, unreadable: &unreadable) {
            case .success(let read): page = read
            case .failure(let failure): return .failure(failure)
            }
            items += page.items
            offset += page.consumed
            progress(facts.path, min(offset, page.total), page.total)
            if page.consumed == 0 || offset >= page.total { return .success(items) }
        }
    }

    private struct Page {
        var items: [ConfigValue]
        /// How far `offset` moves: items received plus positions skipped as unreadable.
        var consumed: Int
        var total: Int
    }

    private func readPage(_ remoteClass: RemoteClass, offset: Int, limit: Int, unreadable: inout [String]) -> Result<Page, RemoteFailure> {
        let facts = remoteClass.facts
        let query = [URLQueryItem(name: "limit", value: String(limit)), URLQueryItem(name: "offset", value: String(offset)),
                     URLQueryItem(name: "order", value: #"[["createdAt","asc"],["id","asc"]]"#)]
        switch client.get(facts.path, query: remoteClass == .apiKey ? Array(query.prefix(2)) : query) {
        case .success(let body):
            let items = body[facts.envelope]?.arrayValue ?? []
            let total = body["total"]?.numberValue.map { Int($0) } ?? offset + items.count
            return .success(Page(items: items, consumed: items.count, total: total))
        case .failure(let failure) where failure.isObjectError:
            guard limit > 1 else {
                unreadable.append("\(facts.path), position \(offset + 1): \(failure.message)")
                // The total is unknown here; the caller stops once a page comes back short.
                return .success(Page(items: [], consumed: 1, total: Int.max))
            }
            // Halves until the broken object is alone in its page.
            let half = limit / 2
            var items: [ConfigValue] = []
            var consumed = 0
            var total = Int.max
            for (start, size) in [(offset, half), (offset + half, limit - half)] {
                switch readPage(remoteClass, offset: start, limit: size, unreadable: &unreadable) {
                case .success(let page):
                    items += page.items
                    consumed += page.consumed
                    total = page.total == Int.max ? total : page.total
                    if page.consumed < size || start + page.consumed >= total {
                        return .success(Page(items: items, consumed: consumed, total: total == Int.max ? offset + consumed : total))
                    }
                case .failure(let failure): return .failure(failure)
                }
            }
            return .success(Page(items: items, consumed: consumed, total: total == Int.max ? offset + consumed + 1 : total))
        case .failure(let failure):
            return .failure(failure)
        }
    }
}
