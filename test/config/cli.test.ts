/** `trusthub validate` through run() with an in-memory Io. */
import { describe, expect, it } from "vitest";
import { PRIMARY_ONLY, SECONDARIES_ONLY } from "../fixtures/fixture-bases.ts";
import { edit } from "../fixtures/fixture-kit.ts";
import { INVALID, REPO, memoryIo, pos, tempDir, validate } from "./helpers.ts";

interface JsonOutput {
  valid: boolean;
  diagnostics: {
    code: string;
    severity: string;
    message: string;
    file: string | null;
    line: number | null;
    column: number | null;
    path: string | null;
  }[];
}

describe("trusthub validate", () => {
  it("--format json on a valid config", async () => {
    const io = memoryIo();
    expect(await validate(["--format", "json", "examples/isv"], io)).toBe(0);
    expect(JSON.parse(io.out)).toEqual({ valid: true, diagnostics: [] });
    expect(io.err).toBe("");
  });

  it("--format json lists every diagnostic with code, severity, message, file, line, column, path", async () => {
    const text = edit(
      PRIMARY_ONLY,
      "    industry: TECHNOLOGY\n",
      "    industry: tech\n    colour: blue\n",
    );
    const dir = tempDir({ "p.yaml": text, "s.yaml": SECONDARIES_ONLY });
    const io = memoryIo(dir);
    expect(await validate(["--format", "json", "."], io)).toBe(1);
    const out = JSON.parse(io.out) as JsonOutput;
    expect(out.valid).toBe(false);
    expect(out.diagnostics.map((d) => ({ ...d, message: undefined }))).toEqual([
      {
        code: "schema/enum",
        severity: "error",
        file: "p.yaml",
        ...pos(text, "tech"),
        path: "/primary/business/industry",
      },
      {
        code: "schema/unknown-field",
        severity: "error",
        file: "p.yaml",
        ...pos(text, "colour"),
        path: "/primary/business/colour",
      },
    ]);
    expect(out.diagnostics.every((d) => d.message.length > 0)).toBe(true);
  });

  it("lists every problem of every file, then a summary, on stderr", async () => {
    const io = memoryIo(INVALID, {});
    const code = await validate(
      ["type-key-number.yaml", "enum-identity.yaml", "duplicate-key-across-files"],
      io,
    );
    expect(code).toBe(1);
    expect(io.err).toMatch(
      /^duplicate-key-across-files\/b-brands\.yaml:\d+:\d+: error rule\/duplicate-key: /m,
    );
    expect(io.err).toMatch(/^enum-identity\.yaml:\d+:\d+: error schema\/enum: /m);
    expect(io.err).toMatch(/^type-key-number\.yaml:\d+:\d+: error schema\/type: /m);
    expect(io.err.trimEnd().split("\n").at(-1)).toBe("invalid: 3 errors, 0 warnings in 4 files");
    expect(io.out).toBe("");
  });

  it("colours only on a terminal", async () => {
    const plain = memoryIo(INVALID, {}, false);
    await validate(["type-key-number.yaml"], plain);
    expect(plain.err).not.toContain("\u001b[");
    const tty = memoryIo(INVALID, {}, true);
    await validate(["type-key-number.yaml"], tty);
    expect(tty.err).toContain("\u001b[");
  });

  it("without paths reads ./trusthub.yaml", async () => {
    const io = memoryIo(tempDir({ "trusthub.yaml": PRIMARY_ONLY }));
    expect(await validate([], io)).toBe(0);
    expect(io.out).toBe("valid: 1 primary, 0 secondaries in 1 file (0 warnings)\n");
  });

  it("without paths and without trusthub.yaml or trusthub/ exits 1 and says what to do", async () => {
    const io = memoryIo(tempDir({}));
    expect(await validate([], io)).toBe(1);
    expect(io.err).toContain("error io/no-config: ");
  });

  it("a path that does not exist exits 1", async () => {
    const io = memoryIo(REPO);
    expect(await validate(["does-not-exist.yaml"], io)).toBe(1);
    expect(io.err).toContain("does-not-exist.yaml: error io/not-found: ");
  });

  it("rejects an unknown --format", async () => {
    const io = memoryIo(REPO);
    expect(await validate(["--format", "xml", "examples/isv"], io)).toBe(1);
  });
});
