#!/usr/bin/env python3
"""Writes settings for Tests/Support/fake-grouparoo.js: an instance with N properties (apiData as
rest-api.md §7 describes it), built in the UI (default ids, locked null), for the import benchmark.

Usage: make-instance.py N OUT.json API_KEY LOG
"""
import json
import sys
import uuid

count, out, api_key, log = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]


def uid(prefix, n):
    return f"{prefix}_{uuid.UUID(int=n)}"


t = 1649448000000
model = {"id": uid("mod", 1), "name": "Users", "type": "profile", "state": "ready", "locked": None, "icon": "user",
         "createdAt": t, "updatedAt": t}
app = {"id": uid("app", 2), "name": "Data Warehouse", "type": "postgres", "state": "ready", "locked": None,
       "options": {"host": "db.internal", "port": 5432, "database": "dw", "user": "reader", "password": "__ObfuscatedOption"},
       "pluginApp": {"name": "postgres", "options": [{"key": "password", "type": "password", "required": False}]},
       "appRefreshQuery": None, "createdAt": t, "updatedAt": t}
schedule = {"id": uid("sch", 4), "name": "Users Table schedule", "state": "ready", "sourceId": uid("src", 3),
            "incremental": True, "recurring": True, "refreshEnabled": True, "locked": None, "confirmRecords": False,
            "options": {"column": "updated_at"}, "filters": [], "recurringFrequency": 900000, "createdAt": t, "updatedAt": t}
source = {"id": uid("src", 3), "name": "Users Table", "type": "postgres-import-table", "state": "ready", "locked": None,
          "mapping": {"id": "userId"}, "app": app, "appId": app["id"], "modelName": "Users", "modelId": model["id"],
          "schedule": schedule, "options": {"table": "users"}, "createdAt": t, "updatedAt": t}
properties = [{"id": uid("prp", 10), "sourceId": source["id"], "key": "userId", "type": "integer", "state": "ready",
               "unique": True, "isPrimaryKey": True, "locked": None, "options": {"column": "id"}, "filters": [],
               "isArray": False, "createdAt": t, "updatedAt": t}]
types = ["string", "integer", "float", "date", "email", "boolean"]
for i in range(count - 1):
    filters = [{"key": "deleted", "op": "eq", "match": "false", "relativeMatchNumber": None, "relativeMatchUnit": None,
                "relativeMatchDirection": None}] if i % 7 == 0 else []
    properties.append({"id": uid("prp", 100 + i), "sourceId": source["id"], "key": f"column {i}", "type": types[i % 6],
                       "state": "ready", "unique": False, "isPrimaryKey": False, "locked": None,
                       "options": {"column": f"c{i}", "aggregationMethod": "exact"}, "filters": filters,
                       "isArray": False, "createdAt": t + i, "updatedAt": t + i})
group = {"id": uid("grp", 5), "name": "Active", "modelId": model["id"], "modelName": "Users", "matchType": "all",
         "state": "ready", "locked": None, "rules": [
             {"key": "column 1", "topLevel": False, "type": "integer", "operation": {"op": "gt"}, "match": "3",
              "relativeMatchNumber": None, "relativeMatchUnit": None, "relativeMatchDirection": None}]}
lists = {"models": [model], "apps": [app], "sources": [source], "schedules": [schedule], "properties": properties, "groups": [group],
         "destinations": [], "apiKeys": [], "teams": [], "teamMembers": [], "settings": []}
paginated = {p: p not in ("teams", "teamMembers", "settings") for p in lists}
topics = {"models": "model", "apps": "app", "sources": "source", "schedules": "source", "properties": "property", "groups": "group",
          "destinations": "destination", "apiKeys": "apiKey", "teams": "team", "teamMembers": "team", "settings": "system"}
with open(out, "w") as f:
    json.dump({"apiKey": api_key, "lists": lists, "paginated": paginated, "topics": topics, "lifetimeMs": 600000,
               "log": log, "behaviour": {"forbiddenTopics": [], "failFirst": 0, "delayMilliseconds": 0,
                                         "truncate": False, "notJSON": False}}, f)
