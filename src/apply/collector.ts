/**
 * Turns the Pulumi engine's events of one update into what happened to each
 * profile (ProfileOutcome) and into progress output (src/apply/progress.ts).
 */
import type { EngineEvent } from "@pulumi/pulumi/automation/index.js";
import type { ProfileOutcome, UpdateRequest } from "./engine.ts";
import type { ProfileOutputs } from "./inputs.ts";
import { NOT_STARTED } from "./interrupt.ts";
import { readWrites, type NotedWrites } from "./handoff.ts";
import { createProgress } from "./progress.ts";

const keyOf = (urn: string): string => urn.slice(urn.lastIndexOf("::") + 2);

/** Profiles and trust products (issue 14) are ours; anything else (the stack) is not. */
const ours = (type: string): boolean =>
  type.includes("trusthub:Profile") || type.includes("trusthub:TrustProduct");
const isProduct = (type: string): boolean => type.includes("trusthub:TrustProduct");

export const plain = (s: string): string =>
  s
    .replace(/\u001b\[[0-9;]*m/g, "")
    .replace(/\s+/g, " ")
    .trim();

/** Pulumi "create"s the resource of a profile that already lives (adoptSid): that is an adopt. */
function opLabel(op: string, inputs: Record<string, unknown> | undefined): string {
  return op === "create" && typeof inputs?.["adoptSid"] === "string" ? "adopt" : op;
}

export function collector(req: UpdateRequest, total: number, handoff?: string) {
  // The writes each create/update did, from the run's writes log (never in state; handoff.ts).
  const noted = new Map<string, NotedWrites>();
  let offset = 0;
  const notedFor = (key: string): NotedWrites | undefined => {
    if (handoff && !noted.has(key)) {
      const r = readWrites(handoff, offset);
      offset = r.next;
      for (const e of r.entries) noted.set(e.key, e);
    }
    return noted.get(key);
  };
  const outcomes = new Map<string, ProfileOutcome>();
  const errors = new Map<string, string[]>();
  const say = req.onProgress ?? (() => undefined);
  const progress = createProgress({
    mode: req.progress ?? "verbose",
    total,
    write:
      req.write ??
      ((t) => {
        for (const line of t.split("\n").slice(0, -1)) say(line.replace(/^\r\u001b\[2K/, ""));
      }),
    ...(req.env["TRUSTHUB_PROGRESS_EVERY_MS"]
      ? { everyMs: Number(req.env["TRUSTHUB_PROGRESS_EVERY_MS"]) }
      : {}),
  });
  // After an interrupt the provider refuses new profiles: their steps are not shown.
  const interrupted = () => req.interrupt?.requested === true;
  const onEvent = (e: EngineEvent): void => {
    const d = e.diagnosticEvent;
    if (d?.urn && d.severity === "error" && ours(d.urn)) {
      const list = errors.get(keyOf(d.urn)) ?? [];
      list.push(plain(d.message));
      errors.set(keyOf(d.urn), list);
    }
    const pre = e.resourcePreEvent?.metadata;
    if (pre && ours(pre.type) && pre.op !== "same" && !interrupted()) {
      progress.started(keyOf(pre.urn), opLabel(pre.op, pre.new?.inputs));
    }
    const done = e.resOutputsEvent?.metadata;
    if (done && ours(done.type)) {
      const key = keyOf(done.urn);
      const note = done.op === "same" ? undefined : notedFor(key);
      const stored = done.new?.outputs as ProfileOutputs | undefined;
      const outputs = stored && note ? { ...stored, writes: note.writes } : stored;
      // Outputs of the earlier format rewritten (nothing sent to Twilio): shown as unchanged.
      const op = note?.upgraded ? "same" : done.op;
      const product = isProduct(done.type) ? { product: true as const } : {};
      outcomes.set(key, {
        key,
        op,
        ok: true,
        ...(outputs ? { outputs } : {}),
        ...product,
      });
      if (note?.upgraded) {
        progress.finished([`  ${key}: state rewritten in the compact format (nothing sent)`], []);
      } else if (done.op !== "same") {
        const sid =
          outputs?.profileSid ?? (outputs as { productSid?: string } | undefined)?.productSid;
        progress.finished(
          [`  ${key}: ${opLabel(done.op, done.new?.inputs)} done (${sid ?? "?"})`],
          (outputs?.writes ?? []).map((w) => `    ${key}: ${w}`),
        );
      }
    }
    const failed = e.resOpFailedEvent?.metadata;
    if (failed && ours(failed.type)) {
      const key = keyOf(failed.urn);
      const product = isProduct(failed.type) ? { product: true as const } : {};
      outcomes.set(key, { key, op: failed.op, ok: false, ...product });
      if (!interrupted()) progress.finished([`  ${key}: ${failed.op} failed`], []);
    }
  };
  const finish = (): ProfileOutcome[] => {
    progress.stop();
    for (const [key, msgs] of errors) {
      // Refused by the provider after an interrupt: not reached, not failed.
      if (msgs.some((m) => m.includes(NOT_STARTED))) {
        outcomes.delete(key);
        continue;
      }
      const o = outcomes.get(key) ?? { key, op: "unknown", ok: false };
      o.ok = false;
      o.message = msgs.join(" ");
      outcomes.set(key, o);
      say(`  ${key}: FAILED: ${o.message}`);
    }
    return [...outcomes.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
  };
  return { onEvent, finish };
}
