/**
 * Preloaded into a benchmarked child (`node --import bench/rss-hook.ts ...`):
 * at exit, writes the process's own peak RSS (kilobytes, getrusage) to
 * $BENCH_RSS_FILE, so the figure is the child's, not the runner's.
 */
import { writeFileSync } from "node:fs";

const file = process.env["BENCH_RSS_FILE"];
if (file) {
  process.on("exit", () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
}
