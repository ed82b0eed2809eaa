#!/usr/bin/env node
// Development launcher: Node >= 22.18 runs the TypeScript sources directly (type stripping).
// The published package runs the compiled dist/cli/bin.js instead (`npm run build`).
import module from "node:module";

// First, so that launch.ts itself comes stripped from the cache (see tuneNode).
module.enableCompileCache?.();
const { tuneNode } = await import("../src/cli/launch.ts");
tuneNode();
// Imported only now: the compile cache must be on before the CLI's modules load.
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv);
