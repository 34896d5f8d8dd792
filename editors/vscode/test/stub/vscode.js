// A stand-in for the `vscode` module, so dist/extension.js and the real vscode-languageclient
// run in plain Node (VS Code itself cannot be downloaded on the CI machines).
//
// It implements what the client library and the extension touch on the way through
// activate → initialize → didOpen → diagnostics → requests → deactivate, and records what
// an editor would show (messages, quick picks, diagnostics, registered providers) in
// `__stub`, which the tests read and steer. Anything else the library reaches for gets a
// harmless placeholder, and its name is noted in `__stub.unknown` so a test can see it.

"use strict";

const path = require("path");
const url = require("url");

const stub = {
  settings: {}, // "copydesk.server.path" → value
  workspaceFolders: [],
  messages: [], // { level, text }
  quickPicks: [], // { items, options }
  pickQuickPick: () => undefined, // tests replace it to choose an item
  shownDocuments: [],
  diagnostics: new Map(), // uri string → Diagnostic[] (all collections together)
  registrations: [], // { kind, selector, provider }
  commands: new Map(),
  outputs: [],
  unknown: new Set(),
};

// ---- basics ---------------------------------------------------------------------------

class Disposable {
  constructor(fn) {
    this._fn = fn;
  }
  static from(...items) {
    return new Disposable(() => items.forEach((d) => d && d.dispose && d.dispose()));
  }
  dispose() {
    if (this._fn) {
      this._fn();
      this._fn = undefined;
    }
  }
}

class EventEmitter {
  constructor() {
    this._listeners = new Set();
    this.event = (listener, thisArg, disposables) => {
      const bound = listener.bind(thisArg);
      this._listeners.add(bound);
      const d = new Disposable(() => this._listeners.delete(bound));
      if (Array.isArray(disposables)) disposables.push(d);
      return d;
    };
  }
  fire(value) {
    for (const l of [...this._listeners]) l(value);
  }
  dispose() {
    this._listeners.clear();
  }
}

class CancellationError extends Error {}

class CancellationTokenSource {
  constructor() {
    const emitter = new EventEmitter();
    this._emitter = emitter;
    this.token = { isCancellationRequested: false, onCancellationRequested: emitter.event };
  }
  cancel() {
    this.token.isCancellationRequested = true;
    this._emitter.fire();
  }
  dispose() {}
}

class Uri {
  constructor(scheme, authority, p, query, fragment) {
    Object.assign(this, { scheme, authority, path: p, query, fragment });
  }
  static parse(value) {
    const u = new URL(value);
    const strip = (s) => (s.startsWith("?") || s.startsWith("#") ? s.slice(1) : s);
    return new Uri(u.protocol.replace(/:$/, ""), u.host, decodeURIComponent(u.pathname), strip(u.search), strip(u.hash));
  }
  static file(p) {
    return new Uri("file", "", path.resolve(p), "", "");
  }
  get fsPath() {
    return this.path;
  }
  with(change) {
    const c = { ...this, ...change };
    return new Uri(c.scheme, c.authority, c.path, c.query, c.fragment);
  }
  toString() {
    if (this.scheme === "file") return url.pathToFileURL(this.path).href;
    return `${this.scheme}:${this.authority ? "//" + this.authority : ""}${this.path}`;
  }
  toJSON() {
    return this.toString();
  }
}

class Position {
  constructor(line, character) {
    this.line = line;
    this.character = character;
  }
}

class Range {
  constructor(a, b, c, d) {
    if (typeof a === "number") {
      this.start = new Position(a, b);
      this.end = new Position(c, d);
    } else {
      this.start = a;
      this.end = b;
    }
  }
}

class Location {
  constructor(uri, rangeOrPosition) {
    this.uri = uri;
    this.range = rangeOrPosition;
  }
}

class Diagnostic {
  constructor(range, message, severity) {
    this.range = range;
    this.message = message;
    this.severity = severity ?? DiagnosticSeverity.Error;
  }
}

class DiagnosticRelatedInformation {
  constructor(location, message) {
    this.location = location;
    this.message = message;
  }
}

class MarkdownString {
  constructor(value = "", supportThemeIcons = false) {
    this.value = value;
    this.supportThemeIcons = supportThemeIcons;
  }
  appendMarkdown(v) {
    this.value += v;
    return this;
  }
}

class Hover {
  constructor(contents, range) {
    this.contents = Array.isArray(contents) ? contents : [contents];
    this.range = range;
  }
}

class CodeActionKind {
  constructor(value) {
    this.value = value;
  }
  append(part) {
    return new CodeActionKind(this.value ? `${this.value}.${part}` : part);
  }
  contains(other) {
    return this.value === "" || other.value === this.value || other.value.startsWith(this.value + ".");
  }
  intersects(other) {
    return this.contains(other) || other.contains(this);
  }
}
for (const [name, value] of Object.entries({
  Empty: "",
  QuickFix: "quickfix",
  Refactor: "refactor",
  RefactorExtract: "refactor.extract",
  RefactorInline: "refactor.inline",
  RefactorRewrite: "refactor.rewrite",
  Source: "source",
  SourceOrganizeImports: "source.organizeImports",
  SourceFixAll: "source.fixAll",
})) {
  CodeActionKind[name] = new CodeActionKind(value);
}

class TabInputText {
  constructor(uri) {
    this.uri = uri;
  }
}

const DiagnosticSeverity = { Error: 0, Warning: 1, Information: 2, Hint: 3 };

// Classes the client library only extends or constructs on paths these tests do not take.
function placeholderClass(name) {
  return {
    [name]: class {
      constructor(...args) {
        this.args = args;
      }
    },
  }[name];
}

// Enums: numbered in the order given, as in vscode.d.ts.
function numbered(...names) {
  return Object.fromEntries(names.map((n, i) => [n, i]));
}

// ---- documents and workspace -----------------------------------------------------------

class TextDocument {
  constructor(uri, languageId, text) {
    this.uri = uri;
    this.fileName = uri.fsPath;
    this.languageId = languageId;
    this.version = 1;
    this._text = text;
    this.isClosed = false;
    this.isDirty = false;
    this.isUntitled = uri.scheme === "untitled";
    this.eol = 1;
  }
  getText() {
    return this._text;
  }
  get lineCount() {
    return this._text.split(/\r\n|\r|\n/).length;
  }
}

const events = {};
function event(name) {
  events[name] = events[name] || new EventEmitter();
  return events[name].event;
}

function configuration(section) {
  const full = (key) => (section ? `${section}.${key}` : key);
  const lookup = (key) => {
    const k = full(key);
    if (k in stub.settings) return stub.settings[k];
    // A parent key ("copydesk") is the object of everything under it.
    const prefix = k + ".";
    const children = Object.keys(stub.settings).filter((s) => s.startsWith(prefix));
    if (children.length === 0) return undefined;
    const obj = {};
    for (const c of children) obj[c.slice(prefix.length)] = stub.settings[c];
    return obj;
  };
  return {
    get: (key, fallback) => {
      const v = lookup(key);
      return v === undefined ? fallback : v;
    },
    has: (key) => lookup(key) !== undefined,
    inspect: (key) => ({ key: full(key), globalValue: lookup(key) }),
    update: async (key, value) => {
      stub.settings[full(key)] = value;
    },
  };
}

const workspace = {
  get workspaceFolders() {
    return stub.workspaceFolders.length ? stub.workspaceFolders : undefined;
  },
  textDocuments: [],
  notebookDocuments: [],
  getConfiguration: configuration,
  getWorkspaceFolder: (uri) => stub.workspaceFolders.find((f) => uri.fsPath.startsWith(f.uri.fsPath)),
  createFileSystemWatcher: () => ({
    onDidCreate: new EventEmitter().event,
    onDidChange: new EventEmitter().event,
    onDidDelete: new EventEmitter().event,
    dispose() {},
  }),
  applyEdit: async () => true,
  fs: { stat: async () => ({ type: 1 }) },
  isTrusted: true,
};

const tabEvents = new EventEmitter();
const tabs = [];

const window = {
  activeTextEditor: undefined,
  visibleTextEditors: [],
  onDidChangeActiveTextEditor: event("activeTextEditor"),
  onDidChangeVisibleTextEditors: event("visibleTextEditors"),
  tabGroups: {
    get all() {
      return [{ tabs }];
    },
    onDidChangeTabs: tabEvents.event,
    onDidChangeTabGroups: event("tabGroups"),
  },
  createOutputChannel(name) {
    const channel = {
      name,
      text: "",
      append(v) {
        channel.text += v;
      },
      appendLine(v) {
        channel.text += v + "\n";
      },
      replace(v) {
        channel.text = v;
      },
      clear() {
        channel.text = "";
      },
      show() {},
      hide() {},
      dispose() {},
    };
    stub.outputs.push(channel);
    return channel;
  },
  showErrorMessage: async (text) => void stub.messages.push({ level: "error", text }),
  showWarningMessage: async (text) => void stub.messages.push({ level: "warning", text }),
  showInformationMessage: async (text) => void stub.messages.push({ level: "info", text }),
  showQuickPick: async (items, options) => {
    const resolved = await items;
    stub.quickPicks.push({ items: resolved, options });
    return stub.pickQuickPick(resolved);
  },
  showTextDocument: async (uri, options) => void stub.shownDocuments.push({ uri, options }),
  withProgress: async (_options, task) => task({ report() {} }, new CancellationTokenSource().token),
};

const languages = {
  createDiagnosticCollection(name) {
    const own = new Map();
    const sync = (key) => {
      if (own.has(key)) stub.diagnostics.set(key, own.get(key));
      else stub.diagnostics.delete(key);
    };
    return {
      name,
      set(uriOrEntries, diagnostics) {
        const entries = Array.isArray(uriOrEntries) ? uriOrEntries : [[uriOrEntries, diagnostics]];
        for (const [uri, d] of entries) {
          own.set(uri.toString(), d || []);
          sync(uri.toString());
        }
      },
      get: (uri) => own.get(uri.toString()),
      has: (uri) => own.has(uri.toString()),
      delete(uri) {
        own.delete(uri.toString());
        sync(uri.toString());
      },
      clear() {
        const keys = [...own.keys()];
        own.clear();
        keys.forEach(sync);
      },
      forEach(fn) {
        own.forEach((d, k) => fn(Uri.parse(k), d, this));
      },
      dispose() {
        this.clear();
      },
    };
  },
  // Scores as VS Code does for the cases used here: a matching language (and scheme) is a match.
  match(selector, document) {
    const filters = Array.isArray(selector) ? selector : [selector];
    return filters.some((f) => {
      if (typeof f === "string") return f === document.languageId || f === "*";
      return (!f.language || f.language === document.languageId) && (!f.scheme || f.scheme === document.uri.scheme);
    })
      ? 10
      : 0;
  },
  getLanguages: async () => ["markdown", "plaintext"],
};

const commands = {
  registerCommand(id, fn) {
    stub.commands.set(id, fn);
    return new Disposable(() => stub.commands.delete(id));
  },
  executeCommand: async (id, ...args) => (stub.commands.has(id) ? stub.commands.get(id)(...args) : undefined),
  getCommands: async () => [...stub.commands.keys()],
};

const env = {
  appName: "Visual Studio Code (test stub)",
  language: "en",
  machineId: "stub",
  openExternal: async () => true,
};

// ---- what the tests drive -----------------------------------------------------------------

/** What the editor does when the writer opens a file: it becomes a document and a tab. */
stub.openDocument = (filePath, languageId, text) => {
  const doc = new TextDocument(Uri.file(filePath), languageId, text);
  workspace.textDocuments.push(doc);
  events.openTextDocument && events.openTextDocument.fire(doc);
  const tab = { input: new TabInputText(doc.uri), label: path.basename(filePath) };
  tabs.push(tab);
  tabEvents.fire({ opened: [tab], closed: [], changed: [] });
  return doc;
};

stub.fireConfigurationChange = (changedKeys) => {
  events.configuration &&
    events.configuration.fire({
      affectsConfiguration: (section) => changedKeys.some((k) => k === section || k.startsWith(section + ".")),
    });
};

// The events the tests fire by name; every other `on…` event is inert.
workspace.onDidOpenTextDocument = event("openTextDocument");
workspace.onDidChangeConfiguration = event("configuration");

// Registrations are recorded; unknown names on a namespace become inert functions or events.
function namespace(name, target) {
  return new Proxy(target, {
    get(obj, prop) {
      if (prop in obj || typeof prop !== "string") return obj[prop];
      if (prop.startsWith("register")) {
        return (selector, provider) => {
          stub.registrations.push({ kind: prop.slice("register".length), selector, provider });
          return new Disposable();
        };
      }
      if (prop.startsWith("on")) return event(`${name}.${prop}`);
      stub.unknown.add(`${name}.${prop}`);
      return () => undefined;
    },
  });
}

const api = {
  version: "1.82.0",
  __stub: stub,
  Disposable,
  EventEmitter,
  CancellationError,
  CancellationTokenSource,
  Uri,
  Position,
  Range,
  Location,
  Diagnostic,
  DiagnosticRelatedInformation,
  DiagnosticSeverity,
  DiagnosticTag: { Unnecessary: 1, Deprecated: 2 },
  MarkdownString,
  Hover,
  CodeActionKind,
  TabInputText,
  TabInputTextDiff: placeholderClass("TabInputTextDiff"),
  TabInputCustom: placeholderClass("TabInputCustom"),
  ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
  TextDocumentSaveReason: { Manual: 1, AfterDelay: 2, FocusOut: 3 },
  SymbolKind: numbered("File", "Module", "Namespace", "Package", "Class", "Method", "Property", "Field", "Constructor", "Enum", "Interface", "Function", "Variable", "Constant", "String", "Number", "Boolean", "Array", "Object", "Key", "Null", "EnumMember", "Struct", "Event", "Operator", "TypeParameter"),
  workspace: namespace("workspace", workspace),
  window: namespace("window", window),
  languages: namespace("languages", languages),
  commands: namespace("commands", commands),
  env,
};

module.exports = new Proxy(api, {
  get(obj, prop) {
    if (prop in obj || typeof prop !== "string") return obj[prop];
    stub.unknown.add(prop);
    // Capitalised names are classes or enums in vscode.d.ts.
    obj[prop] = placeholderClass(prop);
    return obj[prop];
  },
});
