/**
 * src/config/parse-split.ts parses a large clean file in parts. Forced on every
 * YAML file of the tests and examples (splitFrom: 0, without the js-yaml fast
 * path), loadConfig must give
 * exactly what the whole-file parse gives: config, diagnostics and positions.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeConfig } from "../../bench/generate.ts";
import { loadConfig } from "../../src/config/index.ts";
import { parseSplit } from "../../src/config/parse-split.ts";
import { INVALID } from "./helpers.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const env = JSON.parse(readFileSync(path.join(INVALID, "env.json"), "utf8")) as Record<
  string,
  string
>;

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return name === "node_modules" ? [] : yamlFiles(p);
    return /\.ya?ml$/.test(name) ? [p] : [];
  });
}

const files = [...yamlFiles(path.join(ROOT, "test")), ...yamlFiles(path.join(ROOT, "examples"))];
const now = new Date("2026-01-01T00:00:00Z");
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe("loadConfig with files parsed in parts", () => {
  it("finds the test and example YAML files", () => {
    expect(files.length).toBeGreaterThanOrEqual(150);
  });

  it.each(files.map((f) => [path.relative(ROOT, f)]))("%s", async (rel) => {
    const whole = await loadConfig([rel], { cwd: ROOT, env, now });
    const parts = await loadConfig([rel], { cwd: ROOT, env, now, splitFrom: 0, fast: false });
    expect(parts).toEqual(whole);
  });

  it("gives the same config for generated secondaries, and does take the split path", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "trusthub-split-"));
    dirs.push(dir);
    await writeConfig(dir, 250, new Set([3, 100]));
    const text = readFileSync(path.join(dir, "brands.yaml"), "utf8");
    const split = parseSplit(path.join(dir, "brands.yaml"), text);
    expect((split?.value as { secondaries: unknown[] }).secondaries).toHaveLength(250);
    const whole = await loadConfig([dir], { cwd: dir, env: {}, now });
    const parts = await loadConfig([dir], { cwd: dir, env: {}, now, splitFrom: 0, fast: false });
    expect(whole.diagnostics).toEqual([]);
    expect(parts).toEqual(whole);
    expect(whole.config?.secondaries[249]?.source).toMatchObject({ line: expect.any(Number) });
  });

  it("falls back to the whole parse for anchors, tags, several documents and errors", () => {
    const base = "version: 1\nsecondaries:\n  - key: a\n    x: 1\n  - key: b\n";
    expect(parseSplit("f.yaml", base)).toBeDefined();
    for (const text of [
      "version: 1\nsecondaries:\n  - &a\n    key: a\n  - *a\n",
      "version: 1\nsecondaries:\n  - !!map\n    key: a\n",
      `${base}---\nversion: 1\n`,
      "version: 1\nsecondaries:\n  - key: a\n    key: b\n",
      "version: 1\nsecondaries:\n  - key: 'a\n  - b'\n",
      "version: 1\nsecondaries:\n  - key: a\n x: 1\n",
      "version: 1\nsecondaries: []\n",
      "notes: |\n  secondaries:\n",
    ]) {
      expect(parseSplit("f.yaml", text), text).toBeUndefined();
    }
  });
});
