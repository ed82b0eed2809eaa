/**
 * Runs one `runUpdate` (the real Pulumi engine) in a plain Node process, so
 * the inline program's provider is serialized as the CLI would do it (vitest's
 * module transform makes the provider's `import()` unserializable). Reads the
 * request (conn, cwd, env, specs) as JSON from the file named by argv[2] and
 * prints the result as JSON.
 */
import { readFileSync } from "node:fs";
import { runUpdate, type UpdateRequest } from "../../src/apply/engine.ts";

const req = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as UpdateRequest;
const result = await runUpdate(req);
process.stdout.write(JSON.stringify(result));
