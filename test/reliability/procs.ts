/** Linux /proc helpers for tests that look for the processes an apply leaves behind. */
import { readdirSync, readFileSync } from "node:fs";

const read = (path: string): string => {
  try {
    return readFileSync(path, "latin1");
  } catch {
    return "";
  }
};

/** Pids of dynamic-provider processes whose environment targets `url`. */
export function providerPids(url: string): number[] {
  const out: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    // The provider host itself (`node .../cmd/dynamic-provider/index.js ADDR`), not the
    // plugin script's `node -e "...require.resolve('.../dynamic-provider')"`.
    const argv = read(`/proc/${name}/cmdline`).split("\0");
    if (!argv.some((a) => /cmd\/dynamic-provider(\/index\.js)?$/.test(a))) continue;
    if (argv.includes("-e")) continue;
    if (read(`/proc/${name}/environ`).split("\0").includes(`TRUSTHUB_PROVIDER_URL=${url}`)) {
      out.push(Number(name));
    }
  }
  return out;
}

export function running(pid: number): boolean {
  const stat = read(`/proc/${pid}/stat`);
  return stat !== "" && stat.charAt(stat.lastIndexOf(")") + 2) !== "Z";
}
