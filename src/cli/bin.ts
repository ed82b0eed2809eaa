#!/usr/bin/env node
// The installed command (package.json `bin`): the compiled CLI in dist/. In the repository,
// bin/trusthub.js runs the TypeScript sources instead (Node refuses type stripping under node_modules).
import { tuneNode } from "./launch.ts";

tuneNode();
// Imported only now: the compile cache must be on before the CLI's modules load.
const { main } = await import("./main.ts");
process.exitCode = await main(process.argv);
