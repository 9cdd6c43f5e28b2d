import Foundation

/// The last SIGINT or SIGTERM received while `SignalDeferral.run` held them back; 0 = none.
/// Written only by the C signal handler (a single aligned word), read by the writing thread.
nonisolated(unsafe) private var deferredSignal: Int32 = 0

/// Holds SIGINT and SIGTERM back while files are written, so an interrupted `generate` can remove
/// what it wrote (all or nothing) instead of dying halfway. The body polls `received()` between
/// files; afterwards the previous handlers are back and the caller exits as the signal asked.
enum SignalDeferral {
    static let signals: [Int32] = [SIGINT, SIGTERM]

    static func run<T>(_ body: (_ received: () -> Int32?) throws -> T) rethrows -> T {
        deferredSignal = 0
        // A signal the process was started ignoring (`nohup`, a background job) stays ignored.
        let previous = signals.map { number in
            let handler = signal(number) { received in deferredSignal = received }
            if isIgnored(handler) { signal(number, SIG_IGN) }
            return handler
        }
        defer { for index in signals.indices { signal(signals[index], previous[index]) } }
        return try body { deferredSignal == 0 ? nil : deferredSignal }
    }

    private static func isIgnored(_ handler: (@convention(c) (Int32) -> Void)?) -> Bool {
        unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }

    /// The usual exit status of a process stopped by `signal` (130 for SIGINT, 143 for SIGTERM).
    static func exitStatus(for signal: Int32) -> Int32 { 128 + signal }

    static func name(of signal: Int32) -> String {
        switch signal {
        case SIGINT: return "SIGINT"
        case SIGTERM: return "SIGTERM"
        default: return "signal \(signal)"
        }
    }
}

/// Writing stopped because a signal arrived; the writer has rolled back.
struct InterruptedError: Error {
    var signal: Int32
}
