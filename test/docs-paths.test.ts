/**
 * The docs stay true to the code: every `src/...` path that README.md,
 * DEVELOPERS.md or docs/*.md names exists (a `*` must match at least one
 * file), so a moved or deleted module cannot leave a doc pointing at nothing.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");
const DOCS = [
  "README.md",
  "DEVELOPERS.md",
  ...readdirSync(join(ROOT, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];

/** `src/...` paths named in a text (trailing punctuation left out). */
function srcPaths(text: string): string[] {
  return [...new Set(text.match(/\bsrc\/[\w./*-]*[\w*/]/g) ?? [])];
}

function exists(path: string): boolean {
  if (!path.includes("*")) return existsSync(join(ROOT, path));
  const dir = join(ROOT, dirname(path));
  const re = new RegExp(`^${basename(path).replace(/[.]/g, "\\.").replace(/\*/g, ".*")}$`);
  return existsSync(dir) && readdirSync(dir).some((f) => re.test(f));
}

describe("paths named in the docs", () => {
  it("finds the paths in a text, globs included", () => {
    expect(srcPaths("see `src/config/load*.ts`, src/plan/ and src/errors.ts.")).toEqual([
      "src/config/load*.ts",
      "src/plan/",
      "src/errors.ts",
    ]);
    expect(exists("src/config/load*.ts")).toBe(false);
    expect(exists("src/config/pars*.ts")).toBe(true);
  });

  it.each(DOCS)("%s names only src/ paths that exist", (doc) => {
    const text = readFileSync(join(ROOT, doc), "utf8");
    expect(srcPaths(text).filter((p) => !exists(p))).toEqual([]);
  });

  it("docs/lifecycle.md names the stages' folders", () => {
    const text = readFileSync(join(ROOT, "docs/lifecycle.md"), "utf8");
    expect(srcPaths(text).length).toBeGreaterThan(10);
  });
});
