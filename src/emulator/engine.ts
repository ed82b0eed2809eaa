/**
 * The emulator's state machine and services shared by the routes: SIDs,
 * clock, status transitions with callbacks, submission, simulated review.
 */
import { rejectionReason } from "../domain/rejections.ts";
import { isEditableStatus, POLICY_SIDS, type ProfileStatus } from "../domain/twilio.ts";
import { CallbackSender } from "./callbacks.ts";
import { policyBySid } from "./catalog.ts";
import { refused, MESSAGES, ApiError } from "./errors.ts";
import { evaluate } from "./evaluate.ts";
import { Faults } from "./faults.ts";
import type { PersistStats } from "./persist.ts";
import { RequestLog } from "./reqlog.ts";
import { SidFactory } from "./sids.ts";
import { Store, type AccountData } from "./store.ts";
import type { Profile, Rec } from "./types.ts";

export const PRIMARY_POLICIES: ReadonlySet<string> = new Set([
  POLICY_SIDS.primaryBusiness,
  POLICY_SIDS.primaryIndividual,
]);
const YEAR_MS = 365 * 24 * 3600 * 1000;

export function isEditable(p: Profile): boolean {
  return isEditableStatus(p.status);
}

export function isPrimary(p: Profile): boolean {
  return PRIMARY_POLICIES.has(p.policySid);
}

export interface EngineOptions {
  deterministic?: boolean;
  now?: () => number;
  reviewDelayMs?: number;
}

export class Engine {
  readonly store = new Store();
  readonly sids: SidFactory;
  readonly now: () => number;
  readonly callbacks = new CallbackSender();
  readonly requestLog = new RequestLog();
  readonly faults = new Faults();
  /** The last internal errors (bugs), shown by /__sandbox/Stats since src/ never logs. */
  readonly internalErrors: string[] = [];
  /** Persistence counters when a data file is used (for /__sandbox/Stats). */
  persistStats: PersistStats | null = null;
  readonly review: { auto: boolean; delayMs: number };
  /** Called after changes made outside a request (timers), to persist them. */
  onBackgroundChange: () => void = () => undefined;
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;
  /** Failure texts of a rejection at submit (the evaluation's reasons), for its callback. */
  private readonly rejectionTexts = new Map<string, string>();

  constructor(opts: EngineOptions = {}) {
    this.sids = new SidFactory(opts.deterministic ?? false);
    this.now = opts.now ?? Date.now;
    this.review = { auto: opts.reviewDelayMs !== undefined, delayMs: opts.reviewDelayMs ?? 0 };
  }

  /** The identity of a new record: SID, insertion seq, owner. */
  rec(acct: AccountData, prefix: string): Rec {
    return { sid: this.sids.next(prefix), seq: this.store.nextSeq(), accountSid: acct.account.sid };
  }

  setStatus(
    acct: AccountData,
    p: Profile,
    status: ProfileStatus,
    errors?: { code: number }[],
    force = false,
  ): void {
    if (p.status === status && !force) return;
    p.status = status;
    p.dateUpdated = this.now();
    if (status === "twilio-approved") {
      p.validUntil = this.now() + YEAR_MS;
      p.errors = null;
    } else if (status === "twilio-rejected") {
      p.validUntil = null;
      p.errors = errors && errors.length ? errors : [{ code: 18601 }];
    } else {
      p.validUntil = null;
      if (status !== "pending-review" && status !== "in-review") p.errors = null;
    }
    this.store.touch();
    this.notify(acct, p);
    if (status === "pending-review" || status === "in-review") this.scheduleReview(acct, p);
  }

  private notify(acct: AccountData, p: Profile): void {
    const texts = this.rejectionTexts.get(p.sid);
    this.rejectionTexts.delete(p.sid);
    if (!p.statusCallback || this.closed) return;
    const params: Record<string, string> = {
      AccountSid: p.accountSid,
      BundleSid: p.sid,
      Status: p.status,
    };
    // Twilio documents a textual failure reason (docs/twilio-facts.md, STATUS_CALLBACK_FIELDS).
    if (p.status === "twilio-rejected") {
      params["FailureReason"] =
        texts ?? (p.errors ?? []).map((e) => rejectionReason(e.code)).join("; ");
    }
    this.callbacks.send(p.sid, p.statusCallback, acct.account.token, params);
  }

  /**
   * Submit (Status=pending-review): evaluate, then queue for review or reject
   * at once. Primaries may only be submitted from the Console (`console`).
   */
  submit(acct: AccountData, p: Profile, console = false): void {
    if (isPrimary(p) && !console) throw refused(MESSAGES.primaryRestricted);
    if (!isEditable(p)) throw refused(MESSAGES.statusUpdate);
    const policy = policyBySid(p.policySid);
    if (!policy) throw new ApiError(400, 20001, `Invalid policy ${p.policySid}`);
    const ev = evaluate(acct, p, policy);
    if (ev.status === "noncompliant") {
      const codes = [
        ...new Set(ev.results.filter((r) => !r.passed).map((r) => r.error_code ?? 18601)),
      ];
      // A rejected profile resubmitted non-compliant is rejected again: a new status event.
      const errors = codes.map((code) => ({ code }));
      const failed = ev.results.filter((r) => !r.passed);
      const texts = failed.map((r) => r.failure_reason ?? rejectionReason(r.error_code ?? 18601));
      this.rejectionTexts.set(p.sid, [...new Set(texts)].join("; "));
      this.setStatus(acct, p, "twilio-rejected", errors, true);
      return;
    }
    p.errors = null;
    this.setStatus(acct, p, "pending-review");
  }

  /** Sandbox: a review decision starts from in-review (a pending profile moves there first). */
  private toInReview(acct: AccountData, p: Profile, decision: "approved" | "rejected"): void {
    if (p.status === "pending-review") this.setStatus(acct, p, "in-review");
    if (p.status !== "in-review") {
      throw new ApiError(
        400,
        400,
        `Profile ${p.sid} is ${p.status}; only pending-review or in-review profiles can be ${decision}`,
      );
    }
  }

  /** Sandbox: Twilio approves (via in-review when still pending). */
  approve(acct: AccountData, p: Profile): void {
    this.toInReview(acct, p, "approved");
    this.setStatus(acct, p, "twilio-approved");
  }

  /** Sandbox: Twilio rejects with the given codes. */
  reject(acct: AccountData, p: Profile, codes: number[]): void {
    this.toInReview(acct, p, "rejected");
    this.setStatus(
      acct,
      p,
      "twilio-rejected",
      codes.map((code) => ({ code })),
    );
  }

  /** With automatic review on: pending-review -> in-review -> twilio-approved, one delay each. */
  scheduleReview(acct: AccountData, p: Profile): void {
    if (!this.review.auto || this.closed) return;
    const from = p.status;
    const t = setTimeout(() => {
      this.timers.delete(t);
      const live = acct.bundle(p.sid);
      if (!live || live.status !== from || this.closed || !this.review.auto) return;
      this.setStatus(acct, live, from === "pending-review" ? "in-review" : "twilio-approved");
      this.onBackgroundChange();
    }, this.review.delayMs);
    this.timers.add(t);
  }

  /** Queue reviews of profiles already waiting (after a restart or turning review on). */
  resumeReviews(): void {
    for (const acct of this.store.accounts.values()) {
      for (const p of [...acct.profiles.items, ...acct.trustProducts.items]) {
        if (p.status === "pending-review" || p.status === "in-review") this.scheduleReview(acct, p);
      }
    }
  }

  /** An ISV primary: a primary business profile whose business end user says isv_reseller_or_partner. */
  /** An ISV primary in the account or, for a subaccount, in its parent (Twilio's ISV layouts). */
  hasIsvPrimary(acct: AccountData): boolean {
    return (
      this.ownIsvPrimary(acct) || (acct.parent !== undefined && this.ownIsvPrimary(acct.parent))
    );
  }

  private ownIsvPrimary(acct: AccountData): boolean {
    for (const p of acct.profiles.items) {
      if (p.policySid !== POLICY_SIDS.primaryBusiness) continue;
      for (const a of acct.assignmentsOf(p.sid).items) {
        const u = acct.endUsers.get(a.objectSid);
        if (
          u?.type === "customer_profile_business_information" &&
          u.attributes["business_identity"] === "isv_reseller_or_partner"
        ) {
          return true;
        }
      }
    }
    return false;
  }

  recordInternalError(method: string, path: string, e: unknown): void {
    const what = e instanceof Error ? (e.stack ?? e.message) : String(e);
    this.internalErrors.push(`${method} ${path}: ${what}`);
    if (this.internalErrors.length > 20) this.internalErrors.shift();
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.callbacks.close();
  }
}
