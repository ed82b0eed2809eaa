/** The progress reporter of a long apply (src/apply/progress.ts), with a fake clock. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { createProgress, progressText } from "../../src/apply/progress.ts";

afterEach(() => vi.useRealTimers());

describe("progressText", () => {
  it("gives done / total, the rate and the time left", () => {
    expect(progressText(0, 40, 0)).toBe("0/40 profiles done (0.0/s)");
    expect(progressText(10, 40, 4000)).toBe("10/40 profiles done (2.5/s, about 12s left)");
    expect(progressText(100, 1000, 10_000)).toBe("100/1000 profiles done (10/s, about 1m30s left)");
    expect(progressText(5, 5, 1000)).toBe("5/5 profiles done (5.0/s)");
  });
});

describe("createProgress", () => {
  it("on a terminal: one live line rewritten in place, finished profiles printed above it", () => {
    let out = "";
    let t = 0;
    const p = createProgress({ mode: "tty", total: 4, write: (s) => (out += s), now: () => t });
    p.started("a", "create");
    p.started("b", "create");
    expect(out.split("\n")).toHaveLength(1); // no line per start
    t = 2000;
    p.finished(["  a: create done (BU1)"], ["    a: created end user"]);
    p.stop();
    expect(out).toBe(
      "\r\u001b[2K  Applying: 0/4 profiles done (0.0/s)" +
        "\r\u001b[2K  Applying: 0/4 profiles done (0.0/s)" +
        "\r\u001b[2K  a: create done (BU1)\n" +
        "\r\u001b[2K  Applying: 1/4 profiles done (0.5/s, about 6s left)" +
        "\r\u001b[2K",
    );
  });

  it("without a terminal: no line per start, a summary line every few seconds", () => {
    vi.useFakeTimers();
    let out = "";
    let t = 0;
    const p = createProgress({
      mode: "ci",
      total: 3,
      write: (s) => (out += s),
      now: () => t,
      everyMs: 5000,
    });
    p.started("a", "create");
    p.started("b", "update");
    t = 4000;
    p.finished(["  a: create done (BU1)"], ["    a: created end user"]);
    t = 5000;
    vi.advanceTimersByTime(5000);
    p.stop();
    vi.advanceTimersByTime(20_000);
    expect(out).toBe(
      "  a: create done (BU1)\n  progress: 1/3 profiles done (0.2/s, about 10s left)\n",
    );
  });

  it("--verbose: every start and write, as before", () => {
    let out = "";
    const p = createProgress({ mode: "verbose", total: 1, write: (s) => (out += s) });
    p.started("a", "create");
    p.finished(["  a: create done (BU1)"], ["    a: created end user"]);
    p.stop();
    expect(out).toBe("  a: create started\n    a: created end user\n  a: create done (BU1)\n");
  });
});
