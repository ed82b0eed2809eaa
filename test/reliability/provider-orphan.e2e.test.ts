/**
 * The dynamic provider never outlives its apply (issue 16, item 13). The
 * Pulumi engine starts the provider in a process group of its own, so killing
 * the apply's process group (CLI and engine) misses it; a kill that lands as
 * the provider starts used to leave it running, reparented to init, able to
 * write. The test kills the apply's group the moment the provider process
 * appears and expects the provider gone within seconds.
 */
import { describe, expect, it } from "vitest";
import { providerPids, running } from "./procs.ts";
import { cli, startWorld } from "./world.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.runIf(process.platform === "linux")("a killed apply's provider", () => {
  it("exits when the apply's process group is killed as the provider starts", async () => {
    const w = await startWorld({ secondaries: 3, submit: false });
    try {
      const run = cli(["apply", w.dir, "--auto-approve"], w);
      let pids: number[] = [];
      const until = Date.now() + 60_000;
      while (pids.length === 0 && Date.now() < until) {
        pids = providerPids(w.emu.url);
        if (pids.length === 0) await sleep(5);
      }
      expect(pids.length).toBeGreaterThan(0);
      process.kill(-run.pid, "SIGKILL");
      await run.done;
      const deadline = Date.now() + 5_000;
      while (pids.some(running) && Date.now() < deadline) await sleep(50);
      const left = pids.filter(running);
      for (const pid of left) process.kill(pid, "SIGKILL"); // never leave one behind
      expect(left).toEqual([]);
    } finally {
      await w.close();
    }
  }, 120_000);
});
