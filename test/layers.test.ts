/**
 * The layer rules (.dependency-cruiser.mjs, run by `npm run lint`) catch a
 * forbidden import: a copy of src/ gets one extra file with a cross-layer
 * import, and dependency-cruiser (the same CLI and config as `npm run lint`)
 * must fail naming the rule, the file and the import.
 */
import { spawnSync } from "node:child_process";
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
const { EXCEPTIONS, LAYERS } = (await import(
  pathToFileURL(join(ROOT, ".dependency-cruiser.mjs")).href
)) as {
  LAYERS: Record<string, string[]>;
  EXCEPTIONS: { from: string; to: string; temporary?: boolean }[];
};
const DEPCRUISE = join(ROOT, "node_modules", ".bin", "depcruise");
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "trusthub-layers-"));
  for (const d of ["src", "schemas"]) cpSync(join(ROOT, d), join(dir, d), { recursive: true });
  for (const f of ["tsconfig.json", ".dependency-cruiser.mjs", "package.json"]) {
    cpSync(join(ROOT, f), join(dir, f));
  }
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cruise(): { status: number | null; out: string } {
  const r = spawnSync(
    DEPCRUISE,
    ["src", "--config", ".dependency-cruiser.mjs", "--output-type", "err"],
    { cwd: dir, encoding: "utf8" },
  );
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** Adds `file` (relative to the copy) with `text`, cruises, removes it again. */
function cruiseWith(file: string, text: string): { status: number | null; out: string } {
  writeFileSync(join(dir, file), text);
  try {
    return cruise();
  } finally {
    rmSync(join(dir, file));
  }
}

describe("layer rules", () => {
  it("are run by npm run lint, on src/ with this config", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts["lint"]).toMatch(/&& npm run lint:layers$/);
    expect(pkg.scripts["lint:layers"]).toBe(
      "depcruise src --config .dependency-cruiser.mjs --output-type err",
    );
  });

  it("pass on the source as it is", () => {
    const r = cruise();
    expect(r.out).toContain("no dependency violations found");
    expect(r.status).toBe(0);
  });

  it("fail when src/plan imports src/state/client.ts, naming the rule and the import", () => {
    const r = cruiseWith(
      "src/plan/forbidden.ts",
      'import { createClient } from "../state/client.ts";\nexport const c = createClient;\n',
    );
    expect(r.status).not.toBe(0);
    expect(r.out).toContain("error layer-plan: src/plan/forbidden.ts → src/state/client.ts");
  });

  it("see a lazy import() and a type-only import", () => {
    const lazy = cruiseWith(
      "src/render/forbidden.ts",
      'export const load = () => import("../apply/engine.ts");\n',
    );
    expect(lazy.status).not.toBe(0);
    expect(lazy.out).toContain("error layer-render: src/render/forbidden.ts → src/apply/engine.ts");
    const typeOnly = cruiseWith(
      "src/model/forbidden.ts",
      'import type { Io } from "../cli/io.ts";\nexport type X = Io;\n',
    );
    expect(typeOnly.status).not.toBe(0);
    expect(typeOnly.out).toContain("error layer-model: src/model/forbidden.ts → src/cli/io.ts");
  });

  it("keep src/cli to the workflow: a command importing src/state fails", () => {
    const r = cruiseWith(
      "src/cli/commands/forbidden.ts",
      'export { configureLoad } from "../../state/http.ts";\n',
    );
    expect(r.status).not.toBe(0);
    expect(r.out).toContain("error layer-cli: src/cli/commands/forbidden.ts → src/state/http.ts");
  });

  it("allow an excepted file only its one extra folder", () => {
    const file = join(dir, "src/apply/console-steps.ts");
    const text = readFileSync(file, "utf8");
    writeFileSync(file, `${text}\nexport { loadAccounts } from "../config/index.ts";\n`);
    try {
      const r = cruise();
      expect(r.status).not.toBe(0);
      expect(r.out).toContain(
        "error layer-apply: src/apply/console-steps.ts → src/config/index.ts",
      );
    } finally {
      writeFileSync(file, text);
    }
  });

  it("list every src/ folder, and every exception is still needed", () => {
    const entries = readdirSync(join(ROOT, "src")).map((f) => f.replace(/\.ts$/, ""));
    expect(Object.keys(LAYERS).sort()).toEqual(entries.sort());
    for (const e of EXCEPTIONS) {
      const text = readFileSync(join(ROOT, e.from), "utf8");
      // An exception whose import is gone must be deleted from .dependency-cruiser.mjs.
      expect(text, `${e.from} no longer imports src/${e.to}/`).toMatch(
        new RegExp(`["'](\\.\\./)+${e.to}/`),
      );
    }
  });
});
