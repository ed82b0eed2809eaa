#!/usr/bin/env node
// The installed command (package.json `bin`): the compiled CLI in dist/. In the repository,
// bin/trusthub.js runs the TypeScript sources instead (Node refuses type stripping under node_modules).
import { main } from "./main.ts";

process.exitCode = await main(process.argv);
