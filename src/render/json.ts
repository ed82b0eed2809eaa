/**
 * Plan -> JSON, documented by schemas/plan.schema.json (format_version 2).
 * Trust products (format 2) appear only in a plan that has any: then the
 * plan has `productSummary` and every action `trustProducts` and
 * `brandReadiness`; a plan without products has exactly the keys of format 1.
 * Keys are written in one fixed order and absent optional values as null, so
 * the same plan always gives the same bytes and consumers see every key.
 * Change values are omitted (not null) when there is none: `before` is absent
 * for additions, `after` for removals, both for redacted sensitive fields.
 * Pure; the caller redacts (plans are redacted unless --show-sensitive).
 */
import type {
  FieldChange,
  Plan,
  PlanNote,
  PlanSummary,
  ProfileAction,
  TrustProductAction,
} from "../model/plan.ts";

export function renderJson(plan: Plan): string {
  const s = plan.summary;
  const products = plan.productSummary !== undefined;
  const out = {
    format_version: plan.format_version,
    target: { kind: plan.target.kind, url: plan.target.url, accountSid: plan.target.accountSid },
    summary: summary(s),
    ...(plan.productSummary !== undefined && { productSummary: summary(plan.productSummary) }),
    actions: plan.actions.map((a) => action(a, products)),
    fingerprints: Object.fromEntries(
      Object.keys(plan.fingerprints)
        .sort()
        .map((sid) => {
          const f = plan.fingerprints[sid]!;
          return [sid, { status: f.status, dateUpdated: f.dateUpdated }];
        }),
    ),
    checksum: plan.checksum,
  };
  return `${safeJson(out)}\n`;
}

function summary(s: PlanSummary): Record<string, number> {
  return {
    create: s.create,
    update: s.update,
    adopt: s.adopt,
    "no-op": s["no-op"],
    skip: s.skip,
    blocked: s.blocked,
    delete: s.delete,
    submit: s.submit,
  };
}

function action(a: ProfileAction, products: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {
    key: a.key,
    kind: a.kind,
    action: a.action,
    sid: a.sid ?? null,
    status: a.status ?? null,
    submit: a.submit,
    reasons: [...a.reasons],
    changes: a.changes.map(change),
    consoleSteps: [...a.consoleSteps],
    notes: a.notes.map(note),
  };
  if (products) {
    out["trustProducts"] = (a.trustProducts ?? []).map(product);
    const r = a.brandReadiness;
    out["brandReadiness"] =
      r === undefined
        ? null
        : {
            customerProfileSid: r.customerProfileSid ?? null,
            a2pTrustProductSid: r.a2pTrustProductSid ?? null,
            ready: r.ready,
          };
  }
  return out;
}

function product(p: TrustProductAction): Record<string, unknown> {
  return {
    key: p.key,
    product: p.product,
    action: p.action,
    sid: p.sid ?? null,
    status: p.status ?? null,
    submit: p.submit,
    reasons: [...p.reasons],
    changes: p.changes.map(change),
    notes: p.notes.map(note),
  };
}

function note(n: PlanNote): Record<string, unknown> {
  return { code: n.code, severity: n.severity, message: n.message };
}

function change(c: FieldChange): Record<string, unknown> {
  const out: Record<string, unknown> = { slot: c.slot, field: c.field, sensitive: c.sensitive };
  if (c.before !== undefined) out["before"] = c.before;
  if (c.after !== undefined) out["after"] = c.after;
  return out;
}

/**
 * Reads a plan file back (what `trusthub plan --out` wrote: one plan of
 * renderJson, or the several-account wrapper of renderAccountsJson). The one
 * parser of plan files: `apply --plan` reads its checksum through this.
 * `account` is undefined for a single-account file. Throws an Error saying
 * what is wrong; the caller names the file.
 */
export function parsePlanFile(text: string): { account: string | undefined; plan: Plan }[] {
  const data = JSON.parse(text) as unknown;
  const accounts = isObject(data) ? data["accounts"] : undefined;
  if (accounts === undefined) return [{ account: undefined, plan: planFrom(data, "") }];
  if (!isObject(data) || !isKnownVersion(data["format_version"]) || !Array.isArray(accounts)) {
    throw new Error("not a trusthub plan file (format_version 1 or 2)");
  }
  return accounts.map((entry: unknown, i) => {
    const where = `accounts[${i}]`;
    if (!isObject(entry) || typeof entry["account"] !== "string") {
      throw new Error(`${where} has no account name`);
    }
    return { account: entry["account"], plan: planFrom(entry["plan"], `${where}.plan: `) };
  });
}

/** Format 1 plans (before trust products) read as format 2 plans without products. */
const isKnownVersion = (v: unknown): boolean => v === 1 || v === 2;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function planFrom(data: unknown, where: string): Plan {
  if (!isObject(data) || !isKnownVersion(data["format_version"])) {
    throw new Error(`${where}not a trusthub plan (format_version 1 or 2)`);
  }
  if (typeof data["checksum"] !== "string" || !/^sha256:[0-9a-f]{64}$/.test(data["checksum"])) {
    throw new Error(`${where}no checksum; save a plan with \`trusthub plan --out FILE\``);
  }
  if (!Array.isArray(data["actions"]) || !data["actions"].every(isObject)) {
    throw new Error(`${where}actions is not a list of actions`);
  }
  const actions = data["actions"].map((a) => {
    const out = { ...a } as unknown as ProfileAction & {
      sid?: string | null;
      status?: string | null;
    };
    if (out.sid === null) delete out.sid;
    if (out.status === null) delete out.status;
    if ((out as { brandReadiness?: unknown }).brandReadiness === null) delete out.brandReadiness;
    return out;
  });
  return { ...(data as unknown as Plan), actions };
}

/**
 * JSON.stringify escapes C0 controls; DEL, C1 and bidi controls are valid
 * raw in JSON but act on a terminal: escape them too (same value when parsed).
 */
export function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    /[\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
