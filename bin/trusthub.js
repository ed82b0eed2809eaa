#!/usr/bin/env node
// Thin launcher: Node >= 22.18 runs the TypeScript sources directly (type stripping).
// Node's on-disk compile cache (in the temp directory; NODE_DISABLE_COMPILE_CACHE=1
// turns it off) keeps the compiled modules and the stripped TypeScript between runs:
// about 0.3 s of CPU of every command (issue 15). It must be on before the CLI's
// modules load, hence the dynamic import.
import module from "node:module";

module.enableCompileCache?.();
const { main } = await import("../src/cli/main.ts");

process.exitCode = await main(process.argv);
