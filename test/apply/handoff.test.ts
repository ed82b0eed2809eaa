/**
 * The bundles' hand-off file (issue 15, src/apply/handoff.ts): written 0600, read back against
 * each bundle's digest, removed with its writes log; files of dead runs swept by the next run.
 */
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  bundleDigest,
  noteWrites,
  readHandoff,
  readWrites,
  writeHandoff,
} from "../../src/apply/handoff.ts";

const desired = { key: "a", profile: { friendlyName: "A", policySid: "RN1" }, endUsers: [] };

describe("bundleDigest", () => {
  it("ignores key order and undefined fields, and sees any value change", () => {
    const d = bundleDigest(desired);
    expect(d).toMatch(/^[\w-]{22}$/);
    expect(
      bundleDigest({ endUsers: [], profile: { policySid: "RN1", friendlyName: "A" }, key: "a" }),
    ).toBe(d);
    expect(bundleDigest({ ...desired, extra: undefined })).toBe(d);
    expect(
      bundleDigest({ ...desired, profile: { ...desired.profile, friendlyName: "B" } }),
    ).not.toBe(d);
  });
});

describe("the hand-off file", () => {
  it("is private, read against the digest, and removed with its writes log", () => {
    const cwd = mkdtempSync(join(tmpdir(), "trusthub-handoff-"));
    const h = writeHandoff(cwd, { profiles: { a: { desired, observed: null } }, products: {} });
    expect(statSync(h.path).mode & 0o777).toBe(0o600);
    expect(readHandoff(h.path, "profiles", "a", bundleDigest(desired))).toEqual({
      desired,
      observed: null,
    });
    expect(() => readHandoff(h.path, "profiles", "a", "x".repeat(22))).toThrow(
      /a: the bundle in the hand-off file .* does not match its digest/,
    );
    expect(() => readHandoff(h.path, "profiles", "b", undefined)).toThrow(
      /b: not in the run's hand-off file/,
    );
    expect(readHandoff(h.path, "profiles", "b", undefined, false)).toEqual({});

    noteWrites(h.path, "a", ["business created (IT1)"]);
    noteWrites(h.path, "c", []); // nothing written: no line
    const first = readWrites(h.path, 0);
    expect(first.entries).toEqual([{ key: "a", writes: ["business created (IT1)"] }]);
    noteWrites(h.path, "d", [], true);
    expect(readWrites(h.path, first.next).entries).toEqual([
      { key: "d", writes: [], upgraded: true },
    ]);
    expect(statSync(`${h.path}.writes`).mode & 0o777).toBe(0o600);

    h.remove();
    expect(existsSync(h.path) || existsSync(`${h.path}.writes`)).toBe(false);
    expect(() => readHandoff(join(cwd, "gone.json"), "profiles", "a", undefined)).toThrow(
      /a: the run's hand-off file .*gone\.json cannot be read .*run the apply again/,
    );
  });

  it("of a run whose process is gone is removed by the next run", () => {
    const cwd = mkdtempSync(join(tmpdir(), "trusthub-handoff-"));
    const h = writeHandoff(cwd, { profiles: {}, products: {} });
    const dir = join(cwd, ".trusthub", "handoff");
    // pid 2^22 + 1 is above Linux's pid_max: no such process.
    writeFileSync(join(dir, "4194305-dead.json"), "{}");
    writeFileSync(join(dir, "4194305-dead.json.writes"), "");
    const next = writeHandoff(cwd, { profiles: {}, products: {} });
    expect(readdirSync(dir).sort()).toEqual(
      [h.path, next.path].map((p) => p.slice(dir.length + 1)).sort(),
    );
    h.remove();
    next.remove();
  });
});
