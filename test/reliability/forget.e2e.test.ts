/**
 * `trusthub forget KEY` (issue 16, item 8), real CLI and Pulumi: stops
 * managing a profile without any write to Trust Hub. A key the YAML still
 * declares then plans as `adopt`; a key the YAML no longer declares is no
 * longer planned or warned about. Unknown keys are refused.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXIT } from "../../src/errors.ts";
import { readManaged } from "../../src/state/pulumi-state.ts";
import { cli, secondariesYaml, startWorld, writes } from "./world.ts";

describe("trusthub forget", () => {
  it("drops profiles from state only; the next plan adopts a declared one and ignores an undeclared one", async () => {
    const w = await startWorld({ secondaries: 2, submit: false });
    try {
      const run = (...args: string[]) => cli(args, w).done;
      expect((await run("apply", w.dir, "--auto-approve")).code).toBe(EXIT.ok);
      const before = await readManaged({ env: w.env, cwd: w.cwd, target: w.conn.target });
      expect(Object.keys(before).sort()).toEqual(["brand-0000", "brand-0001", "northwind"]);

      // brand-0001 leaves the YAML: warned about on every plan while managed.
      writeFileSync(join(w.dir, "brands.yaml"), secondariesYaml(1, false));
      expect((await run("plan", w.dir)).stdout).toMatch(/brand-0001[\s\S]*run with --prune/);

      const unknown = await run("forget", "brand-9999");
      expect(unknown.code).toBe(EXIT.error);
      expect(unknown.stderr).toMatch(
        /not managed by apply: brand-9999\. Managed keys: brand-0000, brand-0001, northwind/,
      );

      // Under the stack lock: while another apply holds it, forget changes nothing and exits 5.
      const lockDir = join(
        w.cwd,
        ".trusthub/state/.pulumi/locks/organization/trusthub",
        w.conn.target.accountSid,
      );
      mkdirSync(lockDir, { recursive: true });
      const lock = join(lockDir, "00000000-0000-4000-8000-000000000001.json");
      const holder = { pid: process.pid, username: "first", hostname: hostname() };
      writeFileSync(lock, JSON.stringify({ ...holder, timestamp: new Date().toISOString() }));
      const locked = await run("forget", "brand-0000");
      expect(locked.code, locked.stderr).toBe(EXIT.locked);
      expect(locked.stderr).toMatch(/is locked: held by first@/);
      rmSync(lock);
      expect(
        Object.keys(await readManaged({ env: w.env, cwd: w.cwd, target: w.conn.target })),
      ).toHaveLength(3);

      const from = w.exchanges.length;
      const r = await run("forget", "brand-0000", "brand-0001");
      expect(r.code, r.stdout + r.stderr).toBe(EXIT.ok);
      expect(r.stdout).toContain(
        `brand-0000 (${before["brand-0000"]!.profileSid}): no longer managed (removed from stack `,
      );
      expect(r.stdout).toMatch(/Trust Hub was not touched/);
      expect(writes(w.exchanges.slice(from))).toEqual([]);
      const after = await readManaged({ env: w.env, cwd: w.cwd, target: w.conn.target });
      expect(Object.keys(after)).toEqual(["northwind"]);

      const planned = await run("plan", w.dir, "--format", "json");
      const plan = JSON.parse(planned.stdout) as { actions: { key: string; action: string }[] };
      expect(plan.actions.find((a) => a.key === "brand-0000")?.action).toBe("adopt");
      expect(plan.actions.some((a) => a.key === "brand-0001")).toBe(false);
      expect((await run("plan", w.dir)).stdout).not.toMatch(/brand-0001/);
      // The adopted profile is the same one: apply records it, creates nothing.
      const again = await run("apply", w.dir, "--auto-approve");
      expect(again.code, again.stdout + again.stderr).toBe(EXIT.ok);
      expect(again.stdout).toMatch(/1 adopted/);
      expect(
        w.exchanges.filter((e) => e.method === "POST" && e.path === "/v1/CustomerProfiles"),
      ).toHaveLength(2);
      expect(readFileSync(join(w.dir, "brands.yaml"), "utf8")).toContain("brand-0000");
    } finally {
      await w.close();
    }
  }, 240_000);
});
