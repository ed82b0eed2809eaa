/**
 * src/config/parse-fast.ts reads plain clean files with js-yaml. On every YAML
 * file of the tests and examples it must give yaml's values and the positions
 * yaml gives (or leave the file to yaml), and loadConfig with and without it
 * must agree exactly: config, diagnostics and positions.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments, parse as yamlParse } from "yaml";
import { loadConfig } from "../../src/config/index.ts";
import { keptPositions } from "../../src/config/kept-positions.ts";
import { parseFast } from "../../src/config/parse-fast.ts";
import { parseYaml } from "../../src/config/parse.ts";
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
const core = { version: "1.2", uniqueKeys: true } as const;

describe("parseFast (js-yaml) against yaml", () => {
  it("takes the fast path for most test and example files", () => {
    const fast = files.filter((f) => parseFast(f, readFileSync(f, "utf8")) !== undefined);
    expect(files.length).toBeGreaterThanOrEqual(150);
    expect(fast.length).toBeGreaterThan(files.length / 2);
  });

  it.each(files.map((f) => [path.relative(ROOT, f)]))("%s: values and positions", (rel) => {
    const text = readFileSync(path.join(ROOT, rel), "utf8");
    const fast = parseFast(rel, text);
    if (fast === undefined) return;
    const parsed = parseYaml(rel, text);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.documents).toHaveLength(1);
    const doc = parsed.documents[0]!;
    expect(fast.value).toEqual(doc.value);
    const kept = keptPositions(doc.positions, doc.value);
    for (const [pointer, at] of fast.kept) expect(at, pointer).toEqual(kept.get(pointer));
  });

  it.each(files.map((f) => [path.relative(ROOT, f)]))("%s: loadConfig agrees", async (rel) => {
    const fast = await loadConfig([rel], { cwd: ROOT, env, now });
    const slow = await loadConfig([rel], { cwd: ROOT, env, now, fast: false });
    expect(fast).toEqual(slow);
  });

  it("resolves scalars by YAML 1.2's core schema exactly as yaml does", () => {
    const scalars = [
      ...["1_000", "0b101", "0o17", "0x1F", "012", "+12", "-7", "1.", ".5", "1e3", "-1.5E-2"],
      ...[".inf", "-.Inf", "+.INF", ".NaN", "~", "null", "Null", "NULL", "", "yes", "on", "No"],
      ...["True", "false", "FALSE", "tRue", "2026-01-01", "12:30", "0.0.1", "1,000", "$5"],
    ];
    for (const s of scalars) {
      const text = `a: ${s}\nb: [${s}]\n`;
      const fast = parseFast("f.yaml", text);
      expect(fast, s).toBeDefined();
      expect(fast?.value, s).toEqual(yamlParse(text, core));
    }
  });

  it("keeps text that only looks like syntax, and places each secondary", () => {
    const text =
      "# head\nversion: 1\naccount:\n  name: a*b & c!\n" +
      "secondaries:\n  # first\n  - key: a # note\n    q: 'x?y'\n\n  -   key: b\n      r: a|b > c\n";
    const fast = parseFast("f.yaml", text);
    const doc = parseAllDocuments(text, core)[0]!;
    expect(fast?.value).toEqual(doc.toJS());
    expect(fast?.kept.get("/account")).toEqual({ file: "f.yaml", line: 4, column: 3 });
    expect(fast?.kept.get("/secondaries/0")).toEqual({ file: "f.yaml", line: 7, column: 5 });
    expect(fast?.kept.get("/secondaries/1")).toEqual({ file: "f.yaml", line: 10, column: 7 });
  });

  it("leaves anchors, tags, block scalars, multi-line flows, documents and errors to yaml", () => {
    for (const text of [
      "a: &x\n  k: 1\nb: *x\n",
      "a: !!str 1\n",
      "a: |\n  text\n",
      "a: >-\n  text\n",
      "a: [1,\n  2]\n",
      "? a\n: 1\n",
      "a: 1\n---\nb: 2\n",
      "%YAML 1.2\n---\na: 1\n",
      "a: 1\na: 2\n",
      "a:\n\tb: 1\n",
      "a: 'open\n",
      "<<: {a: 1}\n",
      "just a scalar\n",
      "# only a comment\n",
      "\ufeffa:\n  b: 1\n",
      "a:\n  __proto__: 1\n",
    ]) {
      expect(parseFast("f.yaml", text), text).toBeUndefined();
    }
  });
});
