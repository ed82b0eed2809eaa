/**
 * Safety thresholds, end to end (real CLI, real Pulumi engine, the emulator):
 * with 10 managed secondaries, a plan that updates 4 of them (40% > 30%) makes
 * `plan` warn and `apply` refuse with exit 7 and write nothing, unless the
 * plan is acknowledged by its checksum (a wrong checksum is refused too);
 * a prune of 4 needs `--force` (or the checksum) the same way.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../../src/errors.ts";
import { applyWorld, cloneBrands, type ApplyWorld, type Brand } from "./apply-world.ts";

let w: ApplyWorld;
let brands: Brand[];

function retitle(list: Brand[], keys: string[], title: string): Brand[] {
  return list.map((b) => {
    if (!keys.includes(b.key)) return b;
    const reps = structuredClone(b["representatives"]) as { businessTitle: string }[];
    reps[0]!.businessTitle = title;
    return { ...b, representatives: reps };
  });
}

beforeAll(async () => {
  w = await applyWorld();
  const harbor = w.brands().find((b) => b.key === "harbor-dental")!;
  brands = cloneBrands(harbor, 10); // drafts (submit: false)
  w.setBrands(brands);
  const first = await w.cli("apply", w.dir, "--auto-approve");
  expect(first.code, first.stdout + first.stderr).toBe(EXIT.ok);
  expect(first.stdout).toMatch(/10 created/);
}, 180_000);
afterAll(() => w?.close());

describe("safety thresholds against the emulator with the real Pulumi engine", () => {
  it("3 updates of 11 managed profiles (27%) are applied without acknowledgement", async () => {
    w.setBrands(retitle(brands, ["harbor-dental-1", "harbor-dental-2", "harbor-dental-3"], "Lead"));
    const planned = await w.plan();
    expect(planned.plan.summary.update).toBe(3);
    expect(planned.stderr).not.toMatch(/safety threshold/);
    const r = await w.cli("apply", w.dir, "--auto-approve");
    expect(r.code, r.stdout + r.stderr).toBe(EXIT.ok);
  });

  it("4 updates (36%): plan warns, apply refuses with exit 7 unless acknowledged by checksum", async () => {
    const keys = ["harbor-dental-1", "harbor-dental-2", "harbor-dental-3", "harbor-dental-4"];
    w.setBrands(retitle(brands, keys, "Head"));
    const planned = await w.plan();
    expect(planned.code).toBe(EXIT.changes);
    expect(planned.stderr).toContain(
      "too many updates: 36.36% is over 30.00% (4/11 managed profiles)",
    );
    expect(planned.stderr).toContain(`--ack-checksum ${planned.plan.checksum}`);
    const md = await w.cli("plan", w.dir, "--format", "markdown");
    expect(md.stdout).toMatch(/> \[!WARNING\]\n> This plan exceeds a safety threshold/);

    const from = w.exchanges.length;
    const refused = await w.cli("apply", w.dir, "--auto-approve");
    expect(refused.code).toBe(EXIT.unsafe);
    expect(refused.stdout).toMatch(/~ secondary harbor-dental-1/); // the plan is shown first
    expect(refused.stderr).toMatch(/too many updates: 36.36% is over 30.00%/);
    const wrong = await w.cli("apply", w.dir, "--auto-approve", "--ack-checksum", "sha256:00");
    expect(wrong.code).toBe(EXIT.unsafe);
    expect(wrong.stderr).toMatch(/--ack-checksum sha256:00 acknowledges another plan/);
    expect(w.writesSince(from)).toEqual([]);

    const ok = await w.cli(
      "apply",
      w.dir,
      "--auto-approve",
      "--ack-checksum",
      planned.plan.checksum,
    );
    expect(ok.code, ok.stdout + ok.stderr).toBe(EXIT.ok);
    expect(ok.stdout).toMatch(/4 updated/);
  });

  it("a prune of 4 of 11 needs --force", async () => {
    const dropped = new Set([
      "harbor-dental-7",
      "harbor-dental-8",
      "harbor-dental-9",
      "harbor-dental-10",
    ]);
    w.setBrands(w.brands().filter((b) => !dropped.has(b.key)));
    const planned = await w.plan("--prune");
    expect(planned.plan.actions.slice(0, 4).map((a) => `${a.action} ${a.key}`)).toEqual([
      "delete harbor-dental-10",
      "delete harbor-dental-7",
      "delete harbor-dental-8",
      "delete harbor-dental-9",
    ]);
    expect(planned.stderr).toContain("too many deletes: 36.36% is over 30.00% (4/11");
    const refused = await w.cli("apply", w.dir, "--auto-approve", "--prune");
    expect(refused.code).toBe(EXIT.unsafe);
    const forced = await w.cli("apply", w.dir, "--auto-approve", "--prune", "--force");
    expect(forced.code, forced.stdout + forced.stderr).toBe(EXIT.ok);
    expect(forced.stdout).toMatch(/4 deleted/);
    expect((await w.plan("--prune")).code).toBe(EXIT.ok);
  });
});
