/** The one atomic file write (src/lib/atomic-write.ts) on a real file system. */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempPrefix, writeFileAtomic } from "../../src/lib/atomic-write.ts";

describe("writeFileAtomic", () => {
  it("replaces the file with the given mode and leaves no temporary file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "trusthub-atomic-"));
    const file = join(dir, "sub", "data.json");
    await writeFileAtomic(file, "one", 0o600);
    await writeFileAtomic(file, "two", 0o600);
    expect(readFileSync(file, "utf8")).toBe("two");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(dir, "sub"))).toEqual(["data.json"]);
  });

  it("narrows the mode of a file that existed wider", async () => {
    const dir = mkdtempSync(join(tmpdir(), "trusthub-atomic-"));
    const file = join(dir, "secret.env");
    writeFileSync(file, "old", { mode: 0o644 });
    await writeFileAtomic(file, "new", 0o600);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("fails without touching the target or leaving a temporary file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "trusthub-atomic-"));
    const file = join(dir, "plan.json");
    writeFileSync(join(dir, `${tempPrefix(file)}x`), "");
    const target = join(dir, "plan.json", "nested"); // plan.json is not a directory
    writeFileSync(file, "kept");
    await expect(writeFileAtomic(target, "x")).rejects.toThrow(/EEXIST|ENOTDIR/);
    expect(readFileSync(file, "utf8")).toBe("kept");
    expect(readdirSync(dir).sort()).toEqual([`${tempPrefix(file)}x`, "plan.json"].sort());
  });
});
