#!/usr/bin/env python3
"""Write a large synthetic Grouparoo config tree for benchmarking.

Usage: make-tree.py [--shape SHAPE] N OUTDIR

Writes at least N files into OUTDIR (which becomes a config directory). The files
look like what `grouparoo generate` and people write by hand: `.js` files with
`exports.default = async function buildConfig() { return [...] }`, comments,
arithmetic such as `1000 * 60 * 15`, `process.env.X || "default"`, template
literals and module-level constants, plus strict `.json` files (strict so that a
plain Node script can read them with JSON.parse).

Objects come in self-consistent "units" (a model, a warehouse app, a table source with
its schedule, properties, groups, a destination, an api key, a team and a team
member), so the tree also validates. Output is deterministic.

Shapes (same units, laid out or written differently):
  standard  workspace_NNN/<kind>/<file>, a third of the properties as .json
  deep      every unit nine folders further down (long paths, many directories)
  comments  every .js file opens with a 60-line block comment and 20 line comments
  json      every property is a .json file (two thirds of all files are .json)
  large     the standard tree plus 4 .json files of 2,500 objects each (teams and members, ~0.6 MB each)
"""

import json
import os
import random
import shutil
import sys

FILES_PER_UNIT = 18
UNITS_PER_WORKSPACE = 40

PROPERTY_COLUMNS = [
    # (column, type, aggregation)
    ("email", "email", "exact"),
    ("first_name", "string", "exact"),
    ("last_name", "string", "exact"),
    ("signup_date", "date", "exact"),
    ("lifetime_value", "float", "sum"),
    ("purchase_count", "integer", "count"),
    ("is_vip", "boolean", "exact"),
    ("website", "url", "exact"),
    ("phone", "phoneNumber", "exact"),
]

HEADER = "// Synthetic config written by Benchmarks/make-tree.py for timing runs.\n"


def js_string(value):
    return json.dumps(value)


def js_file(body_lines, preamble=""):
    return (
        HEADER
        + preamble
        + "exports.default = async function buildConfig() {\n"
        + "\n".join(body_lines)
        + "\n};\n"
    )


def app_file(u, rng):
    preamble = (
        f'const host = process.env.WAREHOUSE_HOST_{u % 7} || "warehouse-{u % 7}.internal";\n'
        "const refreshMinutes = 5;\n\n"
    )
    body = [
        "  return [",
        "    {",
        '      class: "app",',
        f'      id: "u{u}_warehouse",',
        f"      name: `Warehouse ${{{js_string(str(u))}}}`,",
        '      type: "postgres",',
        "      options: {",
        "        host, // shorthand property",
        "        port: 5432,",
        f'        database: "analytics_{u % 13}",',
        '        schema: "public",',
        '        user: process.env.WAREHOUSE_USER || "grouparoo",',
        "        /* the password only ever comes from the environment */",
        '        password: process.env.WAREHOUSE_PASSWORD,',
        f"        ssl: {str(u % 2 == 0).lower()},",
        "      },",
        "      refresh: {",
        '        query: "SELECT MAX(updated_at) FROM users",',
        "        recurringFrequency: 1000 * 60 * refreshMinutes,",
        "      },",
        "    },",
        "  ];",
    ]
    return js_file(body, preamble)


def source_file(u, rng):
    minutes = rng.choice([1, 5, 15, 30, 60])
    body = [
        "  // one table source plus the schedule that polls it",
        "  return [",
        "    {",
        '      class: "source",',
        f'      id: "u{u}_users",',
        f'      name: "Users {u}",',
        '      type: "postgres-import-table",',
        f'      appId: "u{u}_warehouse",',
        f'      modelId: "u{u}_profiles",',
        '      options: { table: "users" },',
        f'      mapping: {{ id: "u{u}_user_id" }},',
        "    },",
        "    {",
        '      class: "schedule",',
        f'      id: "u{u}_users_schedule",',
        f'      name: "Users {u} schedule",',
        f'      sourceId: "u{u}_users",',
        "      recurring: true,",
        "      incremental: true,",
        f"      recurringFrequency: 1000 * 60 * {minutes}, // {minutes} minute(s)",
        "      confirmRecords: false,",
        '      options: { column: "updated_at" },',
        "      filters: [],",
        "    },",
        "  ];",
    ]
    return js_file(body)


def id_property_file(u):
    body = [
        "  return [",
        "    {",
        '      class: "property",',
        f'      id: "u{u}_user_id",',
        f'      key: "u{u}_userId",',
        '      type: "integer",',
        "      unique: true, // bootstrapped by the source mapping",
        "      isArray: false,",
        f'      sourceId: "u{u}_users",',
        '      options: { column: "id", aggregationMethod: "exact" },',
        "    },",
        "  ];",
    ]
    return js_file(body)


def property_js(u, column, ptype, aggregation, rng):
    unique = "true" if ptype == "email" else "false"
    filters = "[]"
    if aggregation != "exact":
        filters = '[{ key: "amount", op: "gt", match: ' + str(rng.randint(0, 9) * 10) + " }]"
    preamble = f'const prefix = "u{u}";\n\n'
    body = [
        "  return [",
        "    {",
        '      class: "property",',
        f"      id: `${{prefix}}_{column}`,",
        f"      key: prefix + \"_{column}\",",
        f'      type: "{ptype}",',
        f"      unique: {unique},",
        "      isArray: false,",
        f"      sourceId: `${{prefix}}_users`,",
        "      options: {",
        f'        column: "{column}",',
        f'        aggregationMethod: "{aggregation}",',
        "      },",
        f"      filters: {filters},",
        "    },",
        "  ];",
    ]
    return js_file(body, preamble)


def property_json(u, column, ptype, aggregation):
    obj = {
        "class": "property",
        "id": f"u{u}_{column}",
        "key": f"u{u}_{column}",
        "type": ptype,
        "unique": ptype == "email",
        "isArray": False,
        "sourceId": f"u{u}_users",
        "options": {"column": column, "aggregationMethod": aggregation},
    }
    return json.dumps(obj, indent=2) + "\n"


def group_files(u, rng):
    vip = {
        "class": "group",
        "id": f"u{u}_vips",
        "name": f"VIPs {u}",
        "modelId": f"u{u}_profiles",
        "rules": [
            {"propertyId": f"u{u}_lifetime_value", "op": "gt", "match": rng.randint(100, 5000)},
            {"propertyId": f"u{u}_email", "op": "exists"},
        ],
    }
    recent = js_file([
        "  const days = 7 * 2; // two weeks",
        "  return {",
        '    class: "group",',
        f'    id: "u{u}_recent_signups",',
        f'    name: "Recent signups " + {js_string(str(u))},',
        f'    modelId: "u{u}_profiles",',
        "    rules: [",
        "      {",
        f'        propertyId: "u{u}_signup_date",',
        '        op: "relative_gt",',
        "        relativeMatchNumber: days,",
        '        relativeMatchUnit: "days",',
        "      },",
        "    ],",
        "  };",
    ])
    return json.dumps(vip, indent=2) + "\n", recent


def destination_file(u, rng):
    mode = rng.choice(["sync", "additive", "enrich"])
    body = [
        "  return [",
        "    {",
        '      class: "destination",',
        f'      id: "u{u}_mailchimp",',
        f'      name: "Mailchimp {u}",',
        '      type: "mailchimp-export-contacts",',
        f'      appId: "u{u}_mailchimp_app",',
        f'      modelId: "u{u}_profiles",',
        f'      syncMode: "{mode}",',
        '      collection: "group",',
        f'      groupId: "u{u}_vips",',
        f'      options: {{ listId: process.env.MAILCHIMP_LIST_ID || "list{u % 97}" }},',
        "      mapping: {",
        f'        email_address: "u{u}_email",',
        f'        FNAME: "u{u}_first_name",',
        f'        LNAME: "u{u}_last_name",',
        "      },",
        "      destinationGroupMemberships: {",
        f'        "Recent signups": "u{u}_recent_signups",',
        "      },",
        "    },",
        "    {",
        '      class: "app",',
        f'      id: "u{u}_mailchimp_app",',
        f'      name: "Mailchimp app {u}",',
        '      type: "mailchimp",',
        '      options: { apiKey: process.env.MAILCHIMP_API_KEY || "replace-me-us1" },',
        "    },",
        "  ];",
    ]
    return js_file(body)


def api_key_json(u, rng):
    topics = rng.sample(["app", "destination", "group", "property", "record", "source", "run"], 3)
    obj = {
        "class": "apiKey",
        "id": f"u{u}_api_key",
        "name": f"API key {u}",
        "apiKey": "%032x" % rng.getrandbits(128),
        "options": {"permissionAllRead": None, "permissionAllWrite": None},
        "permissions": [{"topic": t, "read": True, "write": i == 0} for i, t in enumerate(topics)],
    }
    return json.dumps(obj, indent=2) + "\n"


def team_file(u):
    body = [
        "  return [",
        "    {",
        '      class: "team",',
        f'      id: "u{u}_team",',
        f'      name: "Team {u}",',
        f"      options: {{ permissionAllRead: true, permissionAllWrite: {u} % 3 === 0 }},",
        "    },",
        "    {",
        '      class: "teamMember",',
        f'      id: "u{u}_admin",',
        f'      teamId: "u{u}_team",',
        f'      email: "admin{u}@example.com",',
        "      options: {",
        '        firstName: "Admin",',
        f'        lastName: "Number {u}",',
        '        password: process.env.ADMIN_PASSWORD ?? "change-me-please",',
        "      },",
        "    },",
        "  ];",
    ]
    return js_file(body)


def model_json(u):
    # One model per unit: a model may have only one source that bootstraps its own
    # primary-key property (R-SRC-09), and every unit has such a source.
    return json.dumps({"class": "model", "id": f"u{u}_profiles", "name": f"Profiles {u}", "type": "profile"}, indent=2) + "\n"


def settings_json():
    return json.dumps(
        {"class": "setting", "id": "cluster-name", "pluginName": "core", "key": "cluster-name", "value": "Benchmark Cluster"},
        indent=2,
    ) + "\n"


SHAPES = ("standard", "deep", "comments", "json", "large")
LARGE_FILES = 4
OBJECTS_PER_LARGE_FILE = 2500

COMMENT_BLOCK = (
    "/*\n"
    + "".join(f" * Notes line {i}: why this object exists, who owns it, and what breaks if it changes.\n" for i in range(60))
    + " */\n"
    + "".join(f"// history {i}: adjusted by the data team after the quarterly review of sync schedules\n" for i in range(20))
)


def shaped(shape, folder, name, content):
    """Applies a shape's per-file change to one file of a unit."""
    if shape == "comments" and name.endswith(".js"):
        content = COMMENT_BLOCK + content
    if shape == "deep":
        folder = os.path.join("a", "b", "c", "d", "e", "f", "g", "h", "i", folder)
    return folder, name, content


def large_file(index):
    """One JSON file of OBJECTS_PER_LARGE_FILE objects: teams, each with one member."""
    objects = []
    for k in range(OBJECTS_PER_LARGE_FILE // 2):
        team = f"bulk_{index}_{k}"
        objects.append({"class": "team", "id": team, "name": f"Bulk team {index}-{k}",
                        "options": {"permissionAllRead": True, "permissionAllWrite": k % 3 == 0}})
        objects.append({"class": "teamMember", "id": f"{team}_member", "teamId": team,
                        "email": f"member.{index}.{k}@example.com",
                        "options": {"firstName": "Bulk", "lastName": f"Member {index}-{k}"}})
    return json.dumps(objects, indent=2) + "\n"


def unit_files(u, rng, shape="standard"):
    files = []
    files.append(("models", f"u{u}_profiles.json", model_json(u)))
    files.append(("apps", f"u{u}_warehouse.js", app_file(u, rng)))
    files.append(("sources", f"u{u}_users.js", source_file(u, rng)))
    files.append(("properties", f"u{u}_user_id.js", id_property_file(u)))
    for index, (column, ptype, aggregation) in enumerate(PROPERTY_COLUMNS):
        if index % 3 == 2 or shape == "json":
            files.append(("properties", f"u{u}_{column}.json", property_json(u, column, ptype, aggregation)))
        else:
            files.append(("properties", f"u{u}_{column}.js", property_js(u, column, ptype, aggregation, rng)))
    vip, recent = group_files(u, rng)
    files.append(("groups", f"u{u}_vips.json", vip))
    files.append(("groups", f"u{u}_recent_signups.js", recent))
    files.append(("destinations", f"u{u}_mailchimp.js", destination_file(u, rng)))
    files.append(("apiKeys", f"u{u}_api_key.json", api_key_json(u, rng)))
    files.append(("teams", f"u{u}_team.js", team_file(u)))
    assert len(files) == FILES_PER_UNIT, len(files)
    return [shaped(shape, *f) for f in files]


def main(argv):
    shape = "standard"
    if len(argv) > 2 and argv[1] == "--shape":
        shape = argv[2]
        argv = argv[:1] + argv[3:]
    if len(argv) != 3 or not argv[1].isdigit() or shape not in SHAPES:
        sys.stderr.write(f"usage: make-tree.py [--shape {'|'.join(SHAPES)}] N OUTDIR\n")
        return 2
    wanted = int(argv[1])
    out = argv[2]
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(out)
    rng = random.Random(20240611)

    written = 0

    def write(relative, content):
        nonlocal written
        path = os.path.join(out, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(content)
        written += 1

    write("settings/cluster-name.json", settings_json())
    unit = 0
    while written < wanted:
        workspace = f"workspace_{unit // UNITS_PER_WORKSPACE:03d}"
        for folder, name, content in unit_files(unit, rng, shape):
            write(os.path.join(workspace, folder, name), content)
        unit += 1
    if shape == "large":
        for index in range(LARGE_FILES):
            write(os.path.join("bulk", f"api_keys_{index}.json"), large_file(index))

    print(f"wrote {written} files ({unit} units, shape {shape}) to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
