#!/usr/bin/env node
// Development launcher: Node >= 22.18 runs the TypeScript sources directly (type stripping).
// The published package runs the compiled dist/cli/bin.js instead (`npm run build`).
import { main } from "../src/cli/main.ts";

process.exitCode = await main(process.argv);
