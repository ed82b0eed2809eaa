/**
 * The schema validator's code kept between runs (src/config/schema-cache.ts):
 * written on the first run, evaluated on the next, and judging every document
 * exactly as a freshly compiled validator does.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import schema from "../../schemas/trusthub.schema.json" with { type: "json" };
import { cachedValidator } from "../../src/config/schema-cache.ts";

const OPTIONS = { allErrors: true, strict: true, verbose: true };
const dirs: string[] = [];
const tempEnv = () => {
  const dir = mkdtempSync(join(tmpdir(), "trusthub-schema-cache-"));
  dirs.push(dir);
  return { env: { XDG_CACHE_HOME: dir }, files: () => cached(dir) };
};
const cached = (dir: string): string[] => {
  try {
    return readdirSync(join(dir, "trusthub-reconciler", "schema"));
  } catch {
    return [];
  }
};

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const documents: unknown[] = [
  { version: 1 },
  { version: 2 },
  { version: 1, secondaries: [{ key: 42 }] },
  { version: 1, primary: { key: "isv", friendlyName: "", email: "x", extra: true } },
  { version: 1, secondaries: "not a list" },
  "a string",
];

describe("cachedValidator", () => {
  it("writes the code once, then evaluates it: the same verdicts and errors", () => {
    const { env, files } = tempEnv();
    const first = cachedValidator(schema, OPTIONS, env);
    expect(files()).toHaveLength(1);
    const second = cachedValidator(schema, OPTIONS, env);
    expect(files()).toHaveLength(1);
    const fresh = cachedValidator(schema, OPTIONS, { TRUSTHUB_SCHEMA_CACHE: "0" });
    for (const doc of documents) {
      const verdicts = [first, second, fresh].map((v) => [v(doc), v.errors ?? null]);
      expect(verdicts[1]).toEqual(verdicts[2]);
      expect(verdicts[0]).toEqual(verdicts[2]);
    }
    expect(fresh({ version: 1 })).toBe(first({ version: 1 }));
  });

  it("TRUSTHUB_SCHEMA_CACHE=0 writes nothing; a broken cache file is compiled over", () => {
    const { env, files } = tempEnv();
    cachedValidator(schema, OPTIONS, { ...env, TRUSTHUB_SCHEMA_CACHE: "0" });
    expect(files()).toEqual([]);
    cachedValidator(schema, OPTIONS, env);
    const [name] = files();
    const file = join(env.XDG_CACHE_HOME, "trusthub-reconciler", "schema", name!);
    writeFileSync(file, "this is not javascript (");
    const v = cachedValidator(schema, OPTIONS, env);
    expect(v({ version: "one" })).toBe(false);
    expect(cachedValidator(schema, OPTIONS, env)({ version: "one" })).toBe(false);
  });

  it("another schema or option is another file", () => {
    const { env, files } = tempEnv();
    cachedValidator(schema, OPTIONS, env);
    cachedValidator(schema, { ...OPTIONS, verbose: false }, env);
    expect(files()).toHaveLength(2);
  });
});
