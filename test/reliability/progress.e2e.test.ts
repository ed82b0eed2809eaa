/**
 * Progress of an apply as the user meets it (issue 16, item 9), real CLI and
 * Pulumi: without a terminal (CI) no line per start but a summary line every
 * few seconds (here every 200 ms), and each finished profile; `--verbose`
 * keeps the per-object lines.
 */
import { describe, expect, it } from "vitest";
import { EXIT } from "../../src/errors.ts";
import { editYaml } from "../apply/cli.ts";
import { cli, startWorld } from "./world.ts";

describe("apply progress", () => {
  it("CI: summaries instead of start lines; --verbose: every start and write", async () => {
    const w = await startWorld({ secondaries: 4, submit: false });
    try {
      const every = { TRUSTHUB_PROGRESS_EVERY_MS: "200" };
      const r = await cli(["apply", w.dir, "--auto-approve"], w, every).done;
      expect(r.code, r.stdout + r.stderr).toBe(EXIT.ok);
      expect(r.stdout).not.toMatch(/started/);
      expect(r.stdout).toMatch(/^ {2}progress: \d\/5 profiles done \(\d+(\.\d)?\/s/m);
      expect(r.stdout.match(/: create done \(BU\w{32}\)/g)).toHaveLength(4); // the 4 brands
      expect(r.stdout.match(/: adopt done \(BU\w{32}\)/g)).toHaveLength(1); // the Console-made primary
      expect(r.stdout).not.toMatch(/^ {4}brand-\d+: /m); // no per-write lines

      for (const k of ["0000", "0001"]) {
        editYaml(w.dir, "brands.yaml", `brand-${k}.example\n`, `brand-${k}.example/new\n`);
      }
      const v = await cli(["apply", w.dir, "--auto-approve", "--verbose"], w).done;
      expect(v.code, v.stdout + v.stderr).toBe(EXIT.ok);
      expect(v.stdout.match(/: update started/g)).toHaveLength(2);
      expect(v.stdout).toMatch(/^ {4}brand-0000: business updated \(IT\w{32}\)$/m);
      expect(v.stdout).not.toMatch(/progress:/);
    } finally {
      await w.close();
    }
  }, 180_000);
});
