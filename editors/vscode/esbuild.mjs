// Bundles src/extension.ts and vscode-languageclient into one file, dist/extension.js, so
// the .vsix ships no node_modules. `vscode` is provided by the editor at run time.
// --production minifies (the .vsix); without it the bundle keeps names and a source map
// for debugging and for the tests' stack traces.
import * as esbuild from "esbuild";

const production = process.argv.includes("--production");

await esbuild.build({
  entryPoints: ["src/extension.ts"],
  bundle: true,
  outfile: "dist/extension.js",
  external: ["vscode"],
  format: "cjs",
  platform: "node",
  target: "node18",
  minify: production,
  sourcemap: production ? false : "linked",
  logLevel: "warning",
});
