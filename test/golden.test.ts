/** The golden helper never writes a golden implicitly: a missing one fails. */
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectGolden, UPDATE_GOLDENS } from "./helpers/golden.ts";

describe.skipIf(UPDATE_GOLDENS)("expectGolden", () => {
  const dir = mkdtempSync(join(tmpdir(), "trusthub-golden-"));

  it("fails on a missing golden and does not create it", () => {
    const file = join(dir, "missing.txt");
    expect(() => expectGolden(file, "text")).toThrow(/missing.*npm run test:update-goldens/);
    expect(existsSync(file)).toBe(false);
  });

  it("fails on a golden that differs, and passes on an equal one", () => {
    const file = join(dir, "kept.txt");
    writeFileSync(file, "old\n");
    expect(() => expectGolden(file, "new\n")).toThrow(/differs from the golden file/);
    expect(() => expectGolden(file, "old\n")).not.toThrow();
  });
});
