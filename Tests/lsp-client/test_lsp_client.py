"""Drives `grouparoo-gen lsp` from a real LSP client (pytest-lsp, built on pygls).

Run by `LSPRealClientTests` (XCTest) with GROUPAROO_GEN set to the built binary. The workspace is a
copy of examples/postgres-mailchimp/config plus one broken file. With LSP_TRANSCRIPT set, what the
client received is appended to that file.
"""

import asyncio
import atexit
import json
import os
import pathlib
import shutil
import tempfile

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.environ.get("GROUPAROO_GEN", str(REPOSITORY / ".build" / "debug" / "grouparoo-gen"))
WORKSPACE = pathlib.Path(tempfile.mkdtemp(prefix="lsp-client-"))
atexit.register(shutil.rmtree, WORKSPACE, ignore_errors=True)
CONFIG = WORKSPACE / "config"
shutil.copytree(REPOSITORY / "examples" / "postgres-mailchimp" / "config", CONFIG)
(WORKSPACE / ".git").mkdir()  # keeps the .grouparoo-gen.json lookup inside the workspace

BROKEN = CONFIG / "properties" / "last_name.js"
BROKEN_TEXT = """exports.default = async function buildConfig() {
  return [
    {
      class: "property",
      id: "last_name",
      key: "last_name",
      type: "string",
      sourceId: "users_tabel",
      options: { column: "last_name", aggregationMethod: "exact" },
    },
  ];
};
"""
BROKEN.write_text(BROKEN_TEXT)
SOURCE = CONFIG / "sources" / "users_table.js"
TIMEOUT = 30
# What the server registered through client/registerCapability.
REGISTRATIONS = []


def record(title, value):
    path = os.environ.get("LSP_TRANSCRIPT")
    if path:
        with open(path, "a") as transcript:
            transcript.write(f"== {title}\n{json.dumps(value, indent=2, default=str)}\n")


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[BINARY, "lsp", "--stdio"]))
async def client(lsp_client: LanguageClient):
    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register_capability(client: LanguageClient, params: types.RegistrationParams):
        REGISTRATIONS.extend(params.registrations)

    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"),
            root_uri=WORKSPACE.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=WORKSPACE.as_uri(), name="workspace")],
        )
    )
    yield
    await lsp_client.shutdown_session()


def open_document(client, path):
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=path.as_uri(), language_id="javascript", version=1, text=path.read_text())
        )
    )


async def diagnostics_until(client, uri, condition):
    """Waits for publishDiagnostics until the diagnostics of `uri` satisfy `condition`."""

    async def wait():
        while not (uri in client.diagnostics and condition(client.diagnostics[uri])):
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        return client.diagnostics[uri]

    return await asyncio.wait_for(wait(), TIMEOUT)


def position_of(path, needle, offset=0):
    for line_number, line in enumerate(path.read_text().splitlines()):
        column = line.find(needle)
        if column >= 0:
            return types.Position(line=line_number, character=column + offset)
    raise AssertionError(f"{needle!r} not in {path}")


@pytest.mark.asyncio
async def test_broken_file_gets_diagnostics_that_clear_after_an_edit(client: LanguageClient):
    uri = BROKEN.as_uri()
    open_document(client, BROKEN)
    found = await diagnostics_until(client, uri, lambda diagnostics: len(diagnostics) > 0)
    record("publishDiagnostics for the broken file", [(d.code, d.message, d.range.start.line, d.range.start.character) for d in found])
    assert "unknown-reference" in [d.code for d in found]
    reference = [d for d in found if d.code == "unknown-reference"][0]
    assert reference.range.start == position_of(BROKEN, '"users_tabel"')
    assert "users_tabel" in reference.message

    start = position_of(BROKEN, "users_tabel")
    end = types.Position(line=start.line, character=start.character + len("users_tabel"))
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangePartial(range=types.Range(start=start, end=end), text="users_table")],
        )
    )
    cleared = await diagnostics_until(client, uri, lambda diagnostics: len(diagnostics) == 0)
    record("publishDiagnostics after the edit", list(cleared))
    assert len(cleared) == 0
    # The buffer took the place of the file: the file on disk still has the typo.
    assert "users_tabel" in BROKEN.read_text()


@pytest.mark.asyncio
async def test_definition_of_app_id_is_the_app(client: LanguageClient):
    open_document(client, SOURCE)
    await diagnostics_until(client, BROKEN.as_uri(), lambda diagnostics: True)
    result = await client.text_document_definition_async(
        types.DefinitionParams(
            text_document=types.TextDocumentIdentifier(uri=SOURCE.as_uri()),
            position=position_of(SOURCE, '"data_warehouse"', offset=3),
        )
    )
    record("definition of appId: \"data_warehouse\"", result)
    app = CONFIG / "apps" / "data_warehouse.js"
    location = result[0] if isinstance(result, list) else result
    assert location.uri == app.as_uri()
    assert location.range.start == position_of(app, '"data_warehouse"')

    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=SOURCE.as_uri()),
            position=position_of(SOURCE, '"data_warehouse"', offset=3),
        )
    )
    record("hover on appId", hover.contents.value)
    assert "**app** `data_warehouse`" in hover.contents.value
    assert "postgres" in hover.contents.value


@pytest.mark.asyncio
async def test_completion_offers_ids_of_the_referenced_class_and_class_names(client: LanguageClient):
    uri = SOURCE.as_uri()
    open_document(client, SOURCE)
    await diagnostics_until(client, BROKEN.as_uri(), lambda diagnostics: True)
    line = position_of(SOURCE, 'appId: "data_warehouse"')
    # Replace the value with an empty string and ask what can go there.
    value_start = types.Position(line=line.line, character=line.character + len('appId: "'))
    value_end = types.Position(line=line.line, character=value_start.character + len("data_warehouse"))
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangePartial(range=types.Range(start=value_start, end=value_end), text="")],
        )
    )
    result = await client.text_document_completion_async(
        types.CompletionParams(text_document=types.TextDocumentIdentifier(uri=uri), position=value_start)
    )
    labels = [item.label for item in (result.items if hasattr(result, "items") else result)]
    record("completion at appId: \"|\"", [(item.label, item.detail) for item in (result.items if hasattr(result, "items") else result)])
    assert sorted(labels) == ["data_warehouse", "mailchimp"]

    class_line = position_of(SOURCE, 'class: "source"')
    class_position = types.Position(line=class_line.line, character=class_line.character + len('class: "'))
    result = await client.text_document_completion_async(
        types.CompletionParams(text_document=types.TextDocumentIdentifier(uri=uri), position=class_position)
    )
    labels = [item.label for item in (result.items if hasattr(result, "items") else result)]
    record("completion at class: \"|", labels)
    assert "source" in labels and "apiKey" in labels and "teamMember" in labels


@pytest.mark.asyncio
async def test_document_symbols_list_the_objects(client: LanguageClient):
    open_document(client, SOURCE)
    result = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=SOURCE.as_uri()))
    )
    record("documentSymbol", [(symbol.name, symbol.detail) for symbol in result])
    assert [symbol.name for symbol in result] == ["users_table", "users_table_schedule"]


@pytest.mark.asyncio
async def test_files_changed_on_disk_are_read_again(client: LanguageClient):
    # VS Code's capabilities allow dynamic registration, so the server asks to be told about file changes.
    await diagnostics_until(client, BROKEN.as_uri(), lambda diagnostics: True)
    assert "workspace/didChangeWatchedFiles" in [registration.method for registration in REGISTRATIONS]
    checked_out = CONFIG / "teams" / "checked_out.js"
    uri = checked_out.as_uri()

    def notify(change_type):
        client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(changes=[types.FileEvent(uri=uri, type=change_type)])
        )

    # A git checkout writes a file the editor never opened.
    checked_out.write_text('exports.default = { class: "team", id: "checked_out", name: "Checked out", cool: 1 };\n')
    notify(types.FileChangeType.Created)
    found = await diagnostics_until(client, uri, lambda diagnostics: len(diagnostics) > 0)
    record("publishDiagnostics for a file created on disk", [(d.code, d.message) for d in found])
    assert "unknown-key" in [d.code for d in found]

    checked_out.write_text('exports.default = { class: "team", id: "checked_out", name: "Checked out" };\n')
    notify(types.FileChangeType.Changed)
    assert len(await diagnostics_until(client, uri, lambda diagnostics: len(diagnostics) == 0)) == 0

    checked_out.write_text('exports.default = { class: "team", id: "checked_out", name: "Checked out", cool: 1 };\n')
    notify(types.FileChangeType.Changed)
    await diagnostics_until(client, uri, lambda diagnostics: len(diagnostics) > 0)
    checked_out.unlink()
    notify(types.FileChangeType.Deleted)
    assert len(await diagnostics_until(client, uri, lambda diagnostics: len(diagnostics) == 0)) == 0
