/**
 * The compiled schema validator, kept between runs (issue 15): ajv generates
 * the same validation code on every start (about 0.1-0.2 s of every command
 * that loads a config, whatever its size). The first run writes that code, as
 * ajv's standalone module, to the user's cache
 * ($XDG_CACHE_HOME or ~/.cache)/trusthub-reconciler/schema/, named by a
 * digest of the schema, ajv's version and the options; later runs evaluate it
 * instead of generating it. TRUSTHUB_SCHEMA_CACHE=0 turns the cache off; a
 * cache that cannot be read or written is skipped (the validator is compiled
 * as before).
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { join } from "node:path";
import { compileFunction } from "node:vm";
import type { Options, ValidateFunction } from "ajv/dist/2020.js";
import type * as AjvModule from "ajv/dist/2020.js";
import type * as StandaloneModule from "ajv/dist/standalone/index.js";

const require = createRequire(import.meta.url);

function cacheDir(env: NodeJS.ProcessEnv): string | undefined {
  if (env["TRUSTHUB_SCHEMA_CACHE"] === "0") return undefined;
  const home = env["HOME"] || homedir();
  return join(env["XDG_CACHE_HOME"] || join(home, ".cache"), "trusthub-reconciler", "schema");
}

/** The module's code run with our `require` (the code needs ajv's runtime helpers). */
function evaluate(code: string, filename: string): ValidateFunction {
  const module = { exports: {} as unknown };
  const run = compileFunction(code, ["require", "module", "exports"], { filename }) as (
    ...args: unknown[]
  ) => void;
  run(require, module, module.exports);
  return module.exports as ValidateFunction;
}

export function cachedValidator(
  schema: object,
  options: Options,
  env: NodeJS.ProcessEnv = process.env,
): ValidateFunction {
  const dir = cacheDir(env);
  const version = (require("ajv/package.json") as { version: string }).version;
  const key = createHash("sha256")
    .update(JSON.stringify([version, options, schema]))
    .digest("hex")
    .slice(0, 32);
  const file = dir && join(dir, `validate-${key}.cjs`);
  if (file !== undefined) {
    try {
      return evaluate(readFileSync(file, "utf8"), file);
    } catch {
      // absent or unreadable: compile below
    }
  }
  // Loaded only now: a run that finds the cache loads none of ajv's compiler.
  const { Ajv2020 } = require("ajv/dist/2020.js") as typeof AjvModule;
  const ajv = new Ajv2020({ ...options, code: { source: true } });
  const validate = ajv.compile(schema);
  if (dir !== undefined && file !== undefined) {
    try {
      mkdirSync(dir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      const standalone = require("ajv/dist/standalone/index.js") as {
        default: (typeof StandaloneModule)["default"]["default"];
      };
      writeFileSync(tmp, standalone.default(ajv, validate));
      renameSync(tmp, file);
    } catch {
      // a read-only home: compiled every run, as before
    }
  }
  return validate;
}
