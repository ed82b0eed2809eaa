#!/usr/bin/env node
// Development launcher: Node >= 22.18 runs the TypeScript sources directly (type stripping).
// The published package runs the compiled dist/cli/bin.js instead (`npm run build`).
import { tuneNode } from "../src/cli/launch.ts";

tuneNode();
// Imported only now: the compile cache must be on before the CLI's modules load.
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv);
