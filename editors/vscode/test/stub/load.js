// Makes `require("vscode")` return the stub in ./vscode.js: dist/extension.js keeps `vscode`
// external, as VS Code provides it at run time. Require this before the bundle.
"use strict";

const Module = require("module");

const stubPath = require.resolve("./vscode.js");
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === "vscode" ? stubPath : resolve.call(this, request, ...rest);
};

module.exports = require("vscode");
