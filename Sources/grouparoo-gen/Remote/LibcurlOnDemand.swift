import Foundation

// URLSession (FoundationNetworking) calls libcurl. Linked normally, libcurl and the ~30 libraries it
// needs are loaded and relocated on every start, which cost more than the rest of a `--version` or
// `validate` run together. These definitions of the libcurl functions FoundationNetworking calls
// take their place at link time (Package.swift links with `--as-needed`, so libcurl is no longer
// a dependency of the binary) and open libcurl the first time a command talks to an instance.
//
// curl_easy_setopt, curl_easy_getinfo and curl_multi_setopt are C variadic functions taking one
// pointer-sized argument after the option; on the x86-64 and AArch64 Linux calling conventions
// that argument travels exactly like a fixed `Int` parameter, which is how it is received and
// passed on here.

typealias CurlPointer = UnsafeMutableRawPointer?

/// libcurl, opened on first use; a missing libcurl ends the command with a message saying so.
private struct Libcurl: @unchecked Sendable {
    let handle: UnsafeMutableRawPointer

    static let shared: Libcurl = {
        for name in ["libcurl.so.4", "libcurl-gnutls.so.4"] {
            if let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) { return Libcurl(handle: handle) }
        }
        let reason = dlerror().map { String(cString: $0) } ?? "libcurl.so.4 not found"
        fail("connecting to a Grouparoo instance needs libcurl (Debian/Ubuntu: apt-get install libcurl4): \(reason)")
    }()

    func function<Function>(_ name: String, as type: Function.Type) -> Function {
        guard let symbol = dlsym(handle, name) else { Libcurl.fail("the libcurl found has no \(name)") }
        return unsafeBitCast(symbol, to: type)
    }

    private static func fail(_ message: String) -> Never {
        let line = "error: \(message)\n"
        _ = line.withCString { write(STDERR_FILENO, $0, strlen($0)) }
        exit(ExitCode.failure)
    }
}

private func curl<Function>(_ name: String, _ type: Function.Type) -> Function {
    Libcurl.shared.function(name, as: type)
}

@_cdecl("curl_global_init") func curl_global_init(_ flags: Int) -> Int32 {
    curl("curl_global_init", (@convention(c) (Int) -> Int32).self)(flags)
}

@_cdecl("curl_version") func curl_version() -> CurlPointer {
    curl("curl_version", (@convention(c) () -> CurlPointer).self)()
}

@_cdecl("curl_version_info") func curl_version_info(_ age: Int32) -> CurlPointer {
    curl("curl_version_info", (@convention(c) (Int32) -> CurlPointer).self)(age)
}

@_cdecl("curl_free") func curl_free(_ pointer: CurlPointer) {
    curl("curl_free", (@convention(c) (CurlPointer) -> Void).self)(pointer)
}

@_cdecl("curl_easy_init") func curl_easy_init() -> CurlPointer {
    curl("curl_easy_init", (@convention(c) () -> CurlPointer).self)()
}

@_cdecl("curl_easy_cleanup") func curl_easy_cleanup(_ easy: CurlPointer) {
    curl("curl_easy_cleanup", (@convention(c) (CurlPointer) -> Void).self)(easy)
}

@_cdecl("curl_easy_setopt") func curl_easy_setopt(_ easy: CurlPointer, _ option: Int32, _ value: Int) -> Int32 {
    curl("curl_easy_setopt", (@convention(c) (CurlPointer, Int32, Int) -> Int32).self)(easy, option, value)
}

@_cdecl("curl_easy_getinfo") func curl_easy_getinfo(_ easy: CurlPointer, _ info: Int32, _ result: Int) -> Int32 {
    curl("curl_easy_getinfo", (@convention(c) (CurlPointer, Int32, Int) -> Int32).self)(easy, info, result)
}

@_cdecl("curl_easy_pause") func curl_easy_pause(_ easy: CurlPointer, _ bitmask: Int32) -> Int32 {
    curl("curl_easy_pause", (@convention(c) (CurlPointer, Int32) -> Int32).self)(easy, bitmask)
}

@_cdecl("curl_easy_strerror") func curl_easy_strerror(_ code: Int32) -> CurlPointer {
    curl("curl_easy_strerror", (@convention(c) (Int32) -> CurlPointer).self)(code)
}

@_cdecl("curl_multi_init") func curl_multi_init() -> CurlPointer {
    curl("curl_multi_init", (@convention(c) () -> CurlPointer).self)()
}

@_cdecl("curl_multi_cleanup") func curl_multi_cleanup(_ multi: CurlPointer) -> Int32 {
    curl("curl_multi_cleanup", (@convention(c) (CurlPointer) -> Int32).self)(multi)
}

@_cdecl("curl_multi_setopt") func curl_multi_setopt(_ multi: CurlPointer, _ option: Int32, _ value: Int) -> Int32 {
    curl("curl_multi_setopt", (@convention(c) (CurlPointer, Int32, Int) -> Int32).self)(multi, option, value)
}

@_cdecl("curl_multi_add_handle") func curl_multi_add_handle(_ multi: CurlPointer, _ easy: CurlPointer) -> Int32 {
    curl("curl_multi_add_handle", (@convention(c) (CurlPointer, CurlPointer) -> Int32).self)(multi, easy)
}

@_cdecl("curl_multi_remove_handle") func curl_multi_remove_handle(_ multi: CurlPointer, _ easy: CurlPointer) -> Int32 {
    curl("curl_multi_remove_handle", (@convention(c) (CurlPointer, CurlPointer) -> Int32).self)(multi, easy)
}

@_cdecl("curl_multi_assign") func curl_multi_assign(_ multi: CurlPointer, _ socket: Int32, _ data: CurlPointer) -> Int32 {
    curl("curl_multi_assign", (@convention(c) (CurlPointer, Int32, CurlPointer) -> Int32).self)(multi, socket, data)
}

@_cdecl("curl_multi_info_read") func curl_multi_info_read(_ multi: CurlPointer, _ queued: CurlPointer) -> CurlPointer {
    curl("curl_multi_info_read", (@convention(c) (CurlPointer, CurlPointer) -> CurlPointer).self)(multi, queued)
}

@_cdecl("curl_multi_socket_action")
func curl_multi_socket_action(_ multi: CurlPointer, _ socket: Int32, _ events: Int32, _ running: CurlPointer) -> Int32 {
    curl("curl_multi_socket_action", (@convention(c) (CurlPointer, Int32, Int32, CurlPointer) -> Int32).self)(multi, socket, events, running)
}

@_cdecl("curl_slist_append") func curl_slist_append(_ list: CurlPointer, _ text: CurlPointer) -> CurlPointer {
    curl("curl_slist_append", (@convention(c) (CurlPointer, CurlPointer) -> CurlPointer).self)(list, text)
}

@_cdecl("curl_slist_free_all") func curl_slist_free_all(_ list: CurlPointer) {
    curl("curl_slist_free_all", (@convention(c) (CurlPointer) -> Void).self)(list)
}

@_cdecl("curl_url") func curl_url() -> CurlPointer {
    curl("curl_url", (@convention(c) () -> CurlPointer).self)()
}

@_cdecl("curl_url_get") func curl_url_get(_ url: CurlPointer, _ part: Int32, _ result: CurlPointer, _ flags: UInt32) -> Int32 {
    curl("curl_url_get", (@convention(c) (CurlPointer, Int32, CurlPointer, UInt32) -> Int32).self)(url, part, result, flags)
}

@_cdecl("curl_url_set") func curl_url_set(_ url: CurlPointer, _ part: Int32, _ text: CurlPointer, _ flags: UInt32) -> Int32 {
    curl("curl_url_set", (@convention(c) (CurlPointer, Int32, CurlPointer, UInt32) -> Int32).self)(url, part, text, flags)
}
