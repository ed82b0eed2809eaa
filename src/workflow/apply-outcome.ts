/**
 * What `trusthub apply` says and returns when it has no work, and which code a
 * finished apply returns for what is left: each code means one thing
 * (README "Exit codes", src/errors.ts).
 */
import { EXIT, type ExitCode } from "../errors.ts";
import type { Plan } from "../model/plan.ts";

const n = (k: number, one: string, many: string): string => `${k} ${k === 1 ? one : many}`;

/** What is left once apply did what it could: blocked (3), immutable drift (8), else 0. */
export function remainingExit(plan: Plan): ExitCode {
  const p = plan.productSummary;
  if (plan.summary.blocked + (p?.blocked ?? 0) > 0) return EXIT.blocked;
  if (plan.summary.skip + (p?.skip ?? 0) > 0) return EXIT.immutableDrift;
  return EXIT.ok;
}

/** Lines about what apply cannot do (blocked, immutable drift); empty when there is none. */
export function leftOverLines(plan: Plan): string[] {
  const out: string[] = [];
  const { blocked, skip } = plan.summary;
  if (blocked > 0) {
    out.push(
      `${n(blocked, "profile is", "profiles are")} blocked: they need the Twilio Console or a ` +
        `missing prerequisite (see the steps above); apply cannot do them.`,
    );
  }
  if (skip > 0) {
    const keys = plan.actions.filter((a) => a.action === "skip").map((a) => a.key);
    out.push(
      `${n(skip, "profile differs", "profiles differ")} from the YAML but Twilio made ` +
        `${skip === 1 ? "it" : "them"} immutable (${keys.join(", ")}): apply cannot change ` +
        `${skip === 1 ? "it" : "them"}. Revert the YAML to what Trust Hub holds, or ask Twilio to ` +
        `make ${skip === 1 ? "it" : "them"} editable (a rejection makes a profile editable again).`,
    );
  }
  out.push(...productLeftOver(plan));
  return out;
}

/** Issue 14: trust products blocked (waiting for their profile) or held immutable with drift. */
function productLeftOver(plan: Plan): string[] {
  const all = plan.actions.flatMap((a) => a.trustProducts ?? []);
  const out: string[] = [];
  const blocked = all.filter((x) => x.action === "blocked");
  for (const t of blocked) {
    out.push(`trust product ${t.key} is blocked: ${t.reasons.join("; ") || "waiting"}`);
  }
  if (blocked.length > 0) {
    out.push(
      "Each reason gives the profile's status when apply planned. Apply again once Twilio has " +
        "the profiles in review or approved (`trusthub status --wait` waits for the review): the " +
        "next apply carries the trust products through.",
    );
  }
  const held = all.filter((x) => x.action === "skip").map((x) => x.key);
  if (held.length > 0) {
    out.push(
      `${n(held.length, "trust product differs", "trust products differ")} from the YAML but Twilio ` +
        `made ${held.length === 1 ? "it" : "them"} immutable (${held.join(", ")}): apply cannot change ` +
        `${held.length === 1 ? "it" : "them"}.`,
    );
  }
  return out;
}

/** The closing text of an apply with nothing to write; says what is true. */
export function nothingToDoText(plan: Plan): string {
  const left = leftOverLines(plan);
  if (left.length === 0) {
    return "\nNothing to change: Trust Hub already matches the configuration. No Pulumi update was run.\n";
  }
  return `\nNothing apply can do. ${left.join("\n")}\nNo Pulumi update was run.\n`;
}

/**
 * The closing lines of an interrupted apply: which profiles it did not reach
 * and how to finish (the next apply plans what is left; a create in flight
 * when the engine was killed is found again by friendly name, never repeated).
 */
export function interruptedLines(
  plan: Plan,
  outcomes: { key: string }[],
  skippedSubmits: boolean,
): string[] {
  const reached = new Set(outcomes.map((o) => o.key));
  const left = plan.actions
    .filter((a) => a.action !== "no-op" && a.action !== "skip" && a.action !== "blocked")
    .filter((a) => !reached.has(a.key))
    .map((a) => a.key);
  const out: string[] = [];
  if (left.length > 0) {
    const shown = left.slice(0, 10).join(", ") + (left.length > 10 ? ", ..." : "");
    out.push(`Not started: ${n(left.length, "profile", "profiles")} (${shown}).`);
  }
  if (skippedSubmits) out.push("Evaluation and submission were not run for every written profile.");
  out.push("Re-run `trusthub apply` to finish: it plans only what is left.");
  return out;
}
