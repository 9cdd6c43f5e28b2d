#!/usr/bin/env python3
"""Regenerates Sources/ConfigModel/Validation/Plugins/PluginTable.swift from plugins.json, and the
test plugin Grouparoo's own fixtures use into Tests/ConfigModelTests/ValidationTestPlugin.swift
(test data, so it does not ship in the product).

The release binary must validate plugin types and options without ../shared, so the facts the
validator needs (app and connection types, option keys, required flags, static value lists,
sync modes, a few capability flags) are compiled in. No descriptions are copied.

Usage: Scripts/generate-plugin-table.py [path/to/plugins.json]
(default: ../shared/reference/plugins.json next to the package). A test fails when the
generated table no longer matches plugins.json.
"""
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_JSON = os.path.join(os.path.dirname(ROOT), "shared", "reference", "plugins.json")
OUT = os.path.join(ROOT, "Sources", "ConfigModel", "Validation", "Plugins", "PluginTable.swift")
TEST_OUT = os.path.join(ROOT, "Tests", "ConfigModelTests", "ValidationTestPlugin.swift")


def swift_string(text):
    return json.dumps(text, ensure_ascii=False)


def swift_list(items):
    return "[" + ", ".join(swift_string(item) for item in items) + "]"


def option(definition):
    """One option as a Swift expression: .required("k") / .optional("k", values: [...], onlyWhen: ...)."""
    kind = "required" if definition.get("required") else "optional"
    args = [swift_string(definition["key"])]
    if definition.get("allowedValuesStatus") == "static" and definition.get("allowedValues"):
        args.append("values: " + swift_list(str(value) for value in definition["allowedValues"]))
    only_when = definition.get("onlyWhen")
    if only_when:
        (key, values), = only_when.items()
        args.append("onlyWhen: (" + swift_string(key) + ", " + swift_list(values) + ")")
    return "." + kind + "(" + ", ".join(args) + ")"


def options(definitions):
    if definitions is None:
        return "nil"
    return "[" + ", ".join(option(d) for d in definitions) + "]"


def connection_features(connection):
    methods = set(connection.get("methods") or [])
    features = []
    # A source can be scheduled when it imports records; a few registrations list schedule
    # options without the method name, so either counts.
    if connection["direction"] == "import" and ("importRecords" in methods or connection.get("scheduleOptions")):
        features.append(".schedules")
    if connection.get("supportIncrementalSchedule"):
        features.append(".incrementalSchedules")
    if "sourcePreview" in methods and not connection.get("skipSourceMapping"):
        features.append(".requiresMapping")
    if (connection.get("sourceFilters") or {}).get("supported"):
        features.append(".filters")
    return "[" + ", ".join(features) + "]"


def app_line(plugin, app):
    refresh = ", supportsRefreshQuery: true" if "appQuery" in (app.get("methods") or []) else ""
    return ("        PluginApp(type: %s, plugin: %s, options: %s%s),"
            % (swift_string(app["type"]), swift_string(plugin), options(app.get("options") or []), refresh))


def connection_lines(plugin, connection):
    direction = ".importing" if connection["direction"] == "import" else ".exporting"
    lines = [
        "        PluginConnection(",
        "            type: %s, plugin: %s, direction: %s, apps: %s,"
        % (swift_string(connection["type"]), swift_string(plugin), direction, swift_list(connection["apps"])),
        "            options: %s," % options(connection.get("options") or []),
    ]
    if connection["direction"] == "import":
        lines.append("            propertyOptions: %s, scheduleOptions: %s,"
                     % (options(connection.get("propertyOptions")), options(connection.get("scheduleOptions") or [])))
    else:
        default = connection.get("defaultSyncMode")
        lines.append("            syncModes: %s, defaultSyncMode: %s,"
                     % (swift_list(connection.get("syncModes") or []), swift_string(default) if default else "nil"))
    lines.append("            features: %s)," % connection_features(connection))
    return lines


def catalog(name, doc, plugins):
    lines = ["    /// " + doc, "    static let %s = PluginCatalog(" % name, "        apps: ["]
    for plugin in plugins:
        for app in plugin.get("apps") or []:
            lines.append("    " + app_line(plugin["name"], app))
    lines.append("        ],")
    lines.append("        connections: [")
    for plugin in plugins:
        for connection in plugin.get("connections") or []:
            lines.extend("    " + line for line in connection_lines(plugin["name"], connection))
    lines.append("        ]")
    lines.append("    )")
    return lines


def write(path, lines):
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    print("wrote " + os.path.relpath(path, ROOT))


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_JSON
    with open(source, encoding="utf-8") as handle:
        data = json.load(handle)
    header = ("// Generated by Scripts/generate-plugin-table.py from plugins.json (%s, version %s). Do not edit by hand."
              % (data["source"].split(" @ ")[0], data["version"]))
    lines = [header, "// swiftlint:disable all", "", "extension PluginCatalog {"]
    lines += catalog("officialPlugins", "Apps and connections of the official plugins.", data["plugins"])
    lines.append("}")
    write(OUT, lines)
    lines = [header, "// swiftlint:disable all", "", "@testable import ConfigModel", "", "extension PluginCatalog {"]
    lines += catalog("testPlugin",
                     "Grouparoo's test plugin (`test-plugin-app`, `test-plugin-import`, …), which its own fixtures "
                     "run with (`enableTestPlugin`).", data["testOnly"])
    lines.append("}")
    write(TEST_OUT, lines)


if __name__ == "__main__":
    main()
