/** loadConfig edges: unreadable files, YAML warnings, anchors, duplicate paths. */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.ts";
import { PRIMARY_ONLY } from "../fixtures/fixture-bases.ts";
import { edit } from "../fixtures/fixture-kit.ts";
import { pos, tempDir } from "./helpers.ts";

describe("loadConfig", () => {
  it("a *.yaml entry that cannot be read is io/read", async () => {
    const cwd = tempDir({ "cfg/a.yaml": PRIMARY_ONLY });
    mkdirSync(path.join(cwd, "cfg/b.yaml"));
    const r = await loadConfig(["cfg"], { cwd, env: {} });
    expect(r.config).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.code, d.file])).toEqual([["io/read", "cfg/b.yaml"]]);
  });

  it("a YAML warning is a warning with a position and does not fail", async () => {
    const text = edit(PRIMARY_ONLY, "    city: Washington\n", "    city: !place Washington\n");
    const r = await loadConfig(["a.yaml"], { cwd: tempDir({ "a.yaml": text }), env: {} });
    expect(r.config?.primary?.address.city).toBe("Washington");
    expect(r.diagnostics).toMatchObject([
      { code: "yaml/warning", severity: "warning", file: "a.yaml", ...pos(text, "!place") },
    ]);
  });

  it("an error inside an aliased value points at the anchored value", async () => {
    const text = edit(
      edit(PRIMARY_ONLY, "    city: Washington\n", "    city: &city 42\n"),
      "    region: DC\n",
      "    region: *city\n",
    );
    const r = await loadConfig(["a.yaml"], { cwd: tempDir({ "a.yaml": text }), env: {} });
    const at = pos(text, "42\n");
    expect(r.diagnostics.map((d) => [d.code, d.path, d.line, d.column])).toEqual([
      ["schema/type", "/primary/address/city", at.line, at.column],
      ["schema/type", "/primary/address/region", at.line, at.column],
    ]);
  });

  it("the same file named twice is read once", async () => {
    const cwd = tempDir({ "a.yaml": PRIMARY_ONLY });
    const r = await loadConfig(["a.yaml", ".", "./a.yaml"], { cwd, env: {} });
    expect(r.diagnostics).toEqual([]);
    expect(r.config?.files).toEqual(["a.yaml"]);
  });

  it("files outside cwd are shown with their absolute path", async () => {
    const dir = tempDir({ "a.yaml": PRIMARY_ONLY.replace("  key: acme", "  key: Acme") });
    const r = await loadConfig([dir], { cwd: tempDir({}), env: {} });
    expect(r.diagnostics[0]?.file).toBe(path.join(dir, "a.yaml"));
  });
});
