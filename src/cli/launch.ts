/**
 * Start-up tuning shared by both launchers (bin/trusthub.js for the sources,
 * src/cli/bin.ts for the compiled package); call it before the CLI's modules
 * load (the launchers import main.ts dynamically afterwards).
 */
import module from "node:module";

// V8 lets the young generation grow to several times 8 MB per semi-space on
// this kind of work (a no-change plan of 10,000 profiles peaked about 130 MB
// higher without the cap, for the same CPU time; issue 15). The flag only
// works at start, so the launcher replaces itself (same process, execve) with
// `node --max-semi-space-size=8 ...` once, where Node can (POSIX, Node >= 22.15);
// a semi-space size of the caller's own (command line or NODE_OPTIONS) wins. The same re-exec
// adds --expose-gc: the plan collects between its phases at scale (src/workflow/heap.ts) and
// while the account's lists arrive (src/state/heap-pace.ts).
const SEMI_SPACE = "--max-semi-space-size=8";
// glibc's malloc gives each thread that allocates (V8's GC and compiler helpers, libuv's pool)
// an arena of its own, and freed buffers (each list page's reply) stay in them: two arenas cut
// the 10,000-profile plan's peak RSS by about 6 MB for the same CPU time (issue 15). Set for
// the re-executed process only (glibc reads it at start), then removed from its environment so
// that the commands' own children (Pulumi, its plugins) do not inherit it; the caller's wins.
const ARENAS = "MALLOC_ARENA_MAX";
const OURS = "TRUSTHUB_MALLOC_TUNED";

export function tuneNode(): void {
  if (process.env[OURS] !== undefined) {
    delete process.env[OURS];
    delete process.env[ARENAS];
  }
  const own = [...process.execArgv, process.env["NODE_OPTIONS"] ?? ""].some((a) =>
    a.includes("--max-semi-space-size"),
  );
  if (!own && typeof process.execve === "function") {
    const emitWarning = process.emitWarning.bind(process);
    process.emitWarning = () => {}; // process.execve is experimental: no warning on stderr
    try {
      process.execve(
        process.execPath,
        [
          process.execPath,
          SEMI_SPACE,
          "--expose-gc",
          ...process.execArgv,
          ...process.argv.slice(1),
        ],
        process.env[ARENAS] === undefined
          ? { ...process.env, [ARENAS]: "2", [OURS]: "1" }
          : process.env,
      );
    } catch {
      process.emitWarning = emitWarning; // not replaced: run as is
    }
  }
  // Node's on-disk compile cache (in the temp directory; NODE_DISABLE_COMPILE_CACHE=1 turns it
  // off) keeps the compiled modules and the stripped TypeScript between runs: about 0.3 s of
  // CPU of every command (issue 15).
  module.enableCompileCache?.();
}
