/// Runs the work for a diff's two sides at the same time, each on a large-stack thread: most of
/// reading a side is spread over the cores already, but its serial parts (the directory walk, the
/// apply order) then overlap with the other side's.
public enum BothSides {
    public static func run<Before, After>(_ before: @escaping () -> Before, _ after: @escaping () -> After) -> (Before, After) {
        var first: Before?
        var second: After?
        _ = LargeStack.runParallel(2) { side in
            if side == 0 { first = before() } else { second = after() }
        }
        return (first!, second!)
    }
}
