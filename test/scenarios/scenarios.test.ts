/**
 * Golden files: each numbered scenario holds a config (config.yaml) and what
 * Trust Hub stores (observed.json: the lists, the assignments read, and
 * apply's managed records) and, optionally, options.json (BuildOptions, e.g.
 * `{"prune": true}`); the plan rendered in every format must match
 * plan.txt, plan.md and plan.json (a missing one fails). Regenerate with
 * `npm run test:update-goldens` and review the diff like code.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectGolden } from "../helpers/golden.ts";
import { loadConfig } from "../../src/config/index.ts";
import type { ObservedAccount } from "../../src/model/trusthub.ts";
import { buildPlan, type BuildOptions } from "../../src/plan/build.ts";
import { planExitCode } from "../../src/plan/exit-code.ts";
import { renderJson } from "../../src/render/json.ts";
import { renderMarkdown } from "../../src/render/markdown.ts";
import { renderText } from "../../src/render/text.ts";

const root = import.meta.dirname;
const scenarios = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && /^\d{3}-/.test(d.name))
  .map((d) => d.name)
  .sort();

/** What each scenario is about, asserted on top of the golden files. */
const expected: Record<string, { actions: string; exit: number }> = {
  "001-fresh-isv-account": {
    actions: "northwind:adopt bluebird-bakery:create+submit harbor-dental:create",
    exit: 2,
  },
  "002-all-in-sync": {
    actions: "northwind:no-op bluebird-bakery:no-op harbor-dental:no-op",
    exit: 0,
  },
  "003-draft-secondary-changed": {
    actions: "northwind:no-op bluebird-bakery:no-op harbor-dental:update",
    exit: 2,
  },
  "004-in-review-drift-skip": {
    actions: "northwind:no-op bluebird-bakery:skip harbor-dental:no-op",
    exit: 8,
  },
  "005-rejected-update-resubmit": {
    actions: "northwind:no-op bluebird-bakery:update+submit harbor-dental:no-op",
    exit: 2,
  },
  "006-unmanaged-match-adopt": {
    actions: "northwind:adopt bluebird-bakery:create+submit harbor-dental:adopt",
    exit: 2,
  },
  "007-primary-missing-blocked": {
    actions: "northwind:blocked bluebird-bakery:blocked harbor-dental:blocked",
    exit: 3,
  },
  "008-individual-console-only": { actions: "pat-example:blocked", exit: 3 },
  "009-duplicate-live-match": {
    actions: "northwind:no-op bluebird-bakery:blocked harbor-dental:no-op",
    exit: 3,
  },
  "010-primary-not-isv": { actions: "bluebird-bakery:blocked harbor-dental:blocked", exit: 3 },
  "011-deleted-outside-recreate": {
    actions: "northwind:no-op bluebird-bakery:create+submit harbor-dental:update",
    exit: 2,
  },
  "012-prune-undeclared": {
    actions: "harbor-dental:delete northwind:no-op bluebird-bakery:no-op",
    exit: 2,
  },
  "013-undeclared-kept": {
    actions: "northwind:no-op bluebird-bakery:no-op harbor-dental:no-op",
    exit: 0,
  },
};

describe("scenarios", () => {
  it("has every documented scenario", () => {
    expect(scenarios).toEqual(Object.keys(expected).sort());
  });

  for (const name of scenarios) {
    it(name, async () => {
      const dir = join(root, name);
      const loaded = await loadConfig([join(dir, "config.yaml")], {
        env: {},
        cwd: dir,
        now: new Date("2026-06-01T00:00:00Z"),
      });
      expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      const observed = JSON.parse(
        readFileSync(join(dir, "observed.json"), "utf8"),
      ) as ObservedAccount;
      const optionsFile = join(dir, "options.json");
      const options = existsSync(optionsFile)
        ? (JSON.parse(readFileSync(optionsFile, "utf8")) as BuildOptions)
        : {};
      const plan = buildPlan(loaded.config!, observed, options);
      const summary = plan.actions
        .map((a) => `${a.key}:${a.action}${a.submit ? "+submit" : ""}`)
        .join(" ");
      expect(summary).toBe(expected[name]!.actions);
      expect(planExitCode(plan, true)).toBe(expected[name]!.exit);
      expectGolden(join(dir, "plan.txt"), renderText(plan, { color: false }));
      expectGolden(join(dir, "plan.md"), renderMarkdown(plan));
      expectGolden(join(dir, "plan.json"), renderJson(plan));
    });
  }
});
