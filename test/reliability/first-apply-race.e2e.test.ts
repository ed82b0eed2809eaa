/**
 * Two first-ever applies at once on a fresh stack (issue 16, item 14): like
 * two later ones, one applies and the other exits 5 with the lock message
 * (never exit 1 with Pulumi's raw "already exists" / "currently locked"),
 * and Trust Hub ends with one of each profile. Real CLI, real Pulumi.
 */
import { describe, expect, it } from "vitest";
import { EXIT } from "../../src/errors.ts";
import { providerPids, running } from "./procs.ts";
import { cli, startWorld } from "./world.ts";

describe("two first applies at once on a fresh stack", () => {
  it("one applies, the other exits 5 with the lock message; nothing is created twice", async () => {
    const w = await startWorld({ secondaries: 2, submit: false });
    try {
      const runs = [0, 1].map(() => cli(["apply", w.dir, "--auto-approve"], w).done);
      const [a, b] = await Promise.all(runs);
      const codes = [a!.code, b!.code].sort();
      const detail = [a, b]
        .map((r) => `exit ${r!.code}\n${r!.stdout}\n${r!.stderr}`)
        .join("\n---\n");
      expect(codes, detail).toEqual([EXIT.ok, EXIT.locked].sort());
      const loser = a!.code === EXIT.locked ? a! : b!;
      expect(loser.stderr).toMatch(/error: stack AC\w+ is locked: .*Wait for that apply to finish/);
      expect(loser.stderr).not.toMatch(/already exists|currently locked/);
      const creates = w.exchanges.filter(
        (e) => e.method === "POST" && e.path === "/v1/CustomerProfiles" && e.status < 300,
      );
      expect(creates.length).toBe(2);
      // Neither apply leaves its provider behind.
      const deadline = Date.now() + 5_000;
      while (providerPids(w.emu.url).some(running) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(providerPids(w.emu.url).filter(running)).toEqual([]);
    } finally {
      await w.close();
    }
  }, 180_000);
});
