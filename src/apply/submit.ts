/**
 * After the writes: evaluate each changed profile against its policy, submit
 * the ones whose YAML asks for it and whose evaluation is compliant, and
 * report evaluation failures per field (no personal values: field names and
 * Twilio's reasons only). Primaries are never submitted through the API.
 */
import { isEditableStatus } from "../domain/twilio.ts";
import type { ProfileAction } from "../model/plan.ts";
import type { Connection } from "../model/trusthub.ts";
import { createClient } from "../state/client.ts";
import { policySidFor } from "../plan/desired.ts";
import { mapPool } from "../lib/pool.ts";
import * as w from "./writer.ts";

export interface SubmitOutcome {
  key: string;
  sid: string;
  evaluation?: w.EvaluationResult["status"];
  submitted: boolean;
  /** Lines to print, e.g. "bluebird-bakery: business_info.website_url: ...". */
  lines: string[];
  ok: boolean;
}

export interface SubmitItem {
  action: ProfileAction;
  sid: string;
}

/**
 * Evaluates (and submits) the items `parallel` at a time (apply's --parallel,
 * default 10); the outcomes come back in the items' order, so the report is
 * the same whatever order the requests finish in.
 */
export async function evaluateAndSubmit(
  conn: Connection,
  items: SubmitItem[],
  parallel = 10,
  /** True once apply was interrupted: profiles not yet started are left for the next apply. */
  stop: () => boolean = () => false,
): Promise<SubmitOutcome[]> {
  const c = createClient(conn);
  return mapPool(items, parallel, async (item) =>
    stop()
      ? {
          key: item.action.key,
          sid: item.sid,
          submitted: false,
          ok: true,
          lines: [`${item.action.key} (${item.sid}): not evaluated (interrupted)`],
        }
      : evaluateOne(c, item),
  );
}

async function evaluateOne(
  c: ReturnType<typeof createClient>,
  { action, sid }: SubmitItem,
): Promise<SubmitOutcome> {
  const o: SubmitOutcome = { key: action.key, sid, submitted: false, lines: [], ok: true };
  try {
    const ev = await w.evaluate(c, sid, policySidFor(action.kind));
    o.evaluation = ev.status;
    if (ev.status !== "compliant") {
      o.ok = false;
      o.lines.push(`${action.key} (${sid}): evaluation ${ev.status}`);
      for (const f of ev.failures) {
        const where = f.field ? `${f.requirement}.${f.field}` : f.requirement;
        o.lines.push(`  ${where}: ${f.reason}${f.code !== null ? ` (${f.code})` : ""}`);
      }
      return o;
    }
    o.lines.push(`${action.key} (${sid}): evaluation compliant`);
    if (!action.submit || action.kind !== "secondary") return o;
    const live = await w.fetchProfile(c, sid);
    if (!live || !isEditableStatus(live.status)) {
      o.lines.push(`${action.key}: not submitted, status is now ${live?.status ?? "gone"}`);
      o.ok = false;
      return o;
    }
    // A submit that failed transiently is looked for (status re-read) before it is sent again.
    const after = await w.submitProfile(c, sid);
    o.submitted = true;
    o.lines.push(`${action.key} (${sid}): submitted for review (${after.status})`);
  } catch (e) {
    o.ok = false;
    o.lines.push(`${action.key} (${sid}): ${e instanceof Error ? e.message : String(e)}`);
  }
  return o;
}
