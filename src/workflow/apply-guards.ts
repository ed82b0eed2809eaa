/**
 * What apply checks before it writes anything: a saved plan (--plan FILE)
 * still matches the plan computed now, and a plan over a safety threshold
 * is acknowledged (--ack-checksum) or forced.
 */
import { readFile } from "node:fs/promises";
import { EXIT, UserError } from "../errors.ts";
import type { Plan } from "../model/plan.ts";
import type { ObservedAccount } from "../model/trusthub.ts";
import { checkSafety, existingManaged, safetyText } from "../plan/safety.ts";
import { parsePlanFile } from "../render/json.ts";

async function savedChecksum(file: string, account: string): Promise<string> {
  let saved: ReturnType<typeof parsePlanFile>;
  try {
    saved = parsePlanFile(await readFile(file, "utf8"));
  } catch (e) {
    throw new UserError("plan/file", `cannot read the saved plan ${file}: ${(e as Error).message}`);
  }
  // A plan of several accounts holds one plan per account (src/workflow/accounts.ts).
  const mine =
    saved.length === 1 && saved[0]!.account === undefined
      ? saved[0]
      : saved.find((s) => s.account === account);
  if (mine === undefined) {
    throw new UserError(
      "plan/file",
      `${file} holds no plan for account ${account}; save one with \`trusthub plan --out FILE\``,
    );
  }
  return mine.plan.checksum;
}

/** Refuses (exit 4) a saved plan whose checksum is not the plan's computed now. */
export async function checkSavedPlan(file: string, account: string, plan: Plan): Promise<void> {
  const want = await savedChecksum(file, account);
  if (want !== plan.checksum) {
    throw new UserError(
      "plan/stale",
      `the saved plan ${file} is no longer true (the YAML or Trust Hub changed since it was made); ` +
        `nothing was applied. Run \`trusthub plan\` again and review the new plan`,
      EXIT.stalePlan,
    );
  }
}

/** Refuses a plan over a safety threshold unless acknowledged by checksum or --force. */
export function guardSafety(
  plan: Plan,
  observed: ObservedAccount,
  opts: { force?: boolean; ackChecksum?: string },
): void {
  const violations = checkSafety(plan, existingManaged(observed));
  if (violations.length === 0 || opts.force === true) return;
  const ack = opts.ackChecksum?.trim();
  if (ack !== undefined && (ack === plan.checksum || `sha256:${ack}` === plan.checksum)) return;
  const mismatch =
    ack === undefined
      ? ""
      : `\n--ack-checksum ${ack} acknowledges another plan; nothing was changed.`;
  throw new UserError(
    "plan/unsafe",
    `${safetyText(violations, plan.checksum)}${mismatch}`,
    EXIT.unsafe,
  );
}
