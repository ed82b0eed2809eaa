import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { judge } from "../../bench/goals.ts";
import {
  plotPanels,
  renderMarkdown,
  RESULTS_JSON,
  RESULTS_MD,
  RESULTS_SVG,
} from "../../bench/render.ts";
import { renderSvg } from "../../bench/svg.ts";
import type { CheckpointCost, Results } from "../../bench/types.ts";

const committed = async () => JSON.parse(await readFile(RESULTS_JSON, "utf8")) as Results;

describe("bench results", () => {
  it("the committed JSON holds the measured sizes the goals need", async () => {
    const r = await committed();
    expect(r.sizes.map((s) => s.n)).toEqual(expect.arrayContaining([10, 100, 1000, 10000]));
  });

  it("RESULTS.md and the plot are exactly what the committed JSON renders to", async () => {
    const r = await committed();
    expect(await renderMarkdown(r)).toBe(await readFile(RESULTS_MD, "utf8"));
    expect(renderSvg(plotPanels(r))).toBe(await readFile(RESULTS_SVG, "utf8"));
  });

  it("the goals in the JSON are the ones its numbers give", async () => {
    const r = await committed();
    expect(judge(r)).toEqual(r.goals);
  });

  it("judges a missed goal as not met and a missing size as not measured", async () => {
    const r = await committed();
    const at1k = r.sizes.find((s) => s.n === 1000);
    if (at1k === undefined)
      throw new Error(`${RESULTS_JSON} holds no size 1000: run npm run bench`);
    const slow = { ...at1k, noopApply: { ...at1k.noopApply, seconds: 2.5 } };
    const goals = judge({ ...r, sizes: [slow] });
    expect(goals.find((g) => g.id === "noop-1k")).toMatchObject({ met: false, measured: "2.50 s" });
    expect(goals.find((g) => g.id === "plan-time")).toMatchObject({ met: null });
    expect(goals.find((g) => g.id === "plan-rss-10k")).toMatchObject({ met: null });
    // Per-step checkpoints: judged only when on by default and within 10 %.
    const cp: CheckpointCost = {
      n: 300,
      defaultMode: "final",
      finalOnlyFrom: 100,
      finalSeconds: 10,
      everyStepSeconds: 10.5,
      overhead: 0.05,
      checkpointBytes: 1,
      failures: 0,
    };
    const judged = (c: CheckpointCost) =>
      judge({ ...r, checkpoints: [c] }).find((g) => g.id === "checkpoints")?.met;
    expect(judged(cp)).toBe(false);
    expect(judged({ ...cp, defaultMode: "every-step" })).toBe(true);
    expect(judged({ ...cp, defaultMode: "every-step", overhead: 0.2 })).toBe(false);
  });
});
