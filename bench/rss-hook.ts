/**
 * Preloaded into a benchmarked child (`node --import bench/rss-hook.ts ...`):
 * at exit, writes the process's own peak RSS (kilobytes, getrusage) to
 * $BENCH_RSS_FILE, so the figure is the child's, not the runner's; with
 * $BENCH_CPU_FILE also its CPU seconds.
 */
import { writeFileSync } from "node:fs";

const file = process.env["BENCH_RSS_FILE"];
if (file) {
  process.on("exit", () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
}
// bench/plan-ab.ts: CPU seconds (user + system) too, which the machine's load moves less than wall time.
const cpuFile = process.env["BENCH_CPU_FILE"];
if (cpuFile) {
  process.on("exit", () => {
    const u = process.resourceUsage();
    writeFileSync(cpuFile, String((u.userCPUTime + u.systemCPUTime) / 1e6));
  });
}
