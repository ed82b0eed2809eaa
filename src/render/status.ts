/**
 * `trusthub status`: the report's data shape, the meanings of Twilio's
 * rejection and evaluation codes (../shared/reference/trusthub-api.md 3.3,
 * 7.2, 7.3), text and JSON renderings, and the exit code. Pure. Nothing here
 * prints personal data: profiles are named by key or friendly name, failures
 * by object type, field and code (Twilio's free-text reasons are left out,
 * they may quote values).
 */
import type { ProfileStatus } from "../domain/twilio.ts";
import { EXIT, type ExitCode } from "../errors.ts";
import type { ProfileKind } from "../model/config.ts";
import type { TargetInfo } from "../model/trusthub.ts";

export const STATUS_FORMAT_VERSION = 1;

/** `missing`: declared in the YAML but no single live profile matches. */
export type LiveStatus = ProfileStatus | "missing";

export interface CodeMeaning {
  code: number;
  meaning: string;
}

export interface EvaluationFailure {
  /** Twilio's requirement_name, e.g. business_info. */
  requirement: string;
  /** End-user or document type, e.g. authorized_representative_1. */
  objectType: string;
  /** Absent when the whole object is missing. */
  field?: string;
  code: number | null;
  meaning: string | null;
}

export interface EvaluationSummary {
  sid: string;
  status: string;
  dateCreated: string;
  failures: EvaluationFailure[];
}

export interface ProfileStatusEntry {
  /** Config key (declared profiles only). */
  key?: string;
  sid?: string;
  friendlyName: string;
  kind: ProfileKind | "other";
  status: LiveStatus;
  validUntil: string | null;
  rejection: CodeMeaning[];
  evaluation?: EvaluationSummary;
  /** Why a declared profile has no live status (free of personal data). */
  note?: string;
}

export interface StatusReport {
  format_version: typeof STATUS_FORMAT_VERSION;
  target: TargetInfo;
  profiles: ProfileStatusEntry[];
  /** Present with --wait. */
  wait?: { timedOut: boolean; seconds: number; polls: number };
}

/** Statuses in which a profile waits for Twilio. */
export const WAITING: readonly LiveStatus[] = ["pending-review", "in-review"];

export const CODE_MEANINGS: Record<number, string> = {
  18601:
    "rejected by Twilio's review (Twilio publishes no text for this code; see the evaluation and the email sent to the profile's address)",
  18604:
    "Twilio could not verify authorized representative #1 (identity or affiliation with the business)",
  22205: "an assigned object SID is invalid",
  22206: "an object of an invalid type is assigned",
  22207: "attributes could not be parsed as JSON",
  22214: "a required end user is missing",
  22215: "a required end-user field is missing or has a value Twilio does not accept",
  22216:
    "a required supporting document is missing (or the primary customer profile is not assigned)",
  22217:
    "a supporting document field is missing (or the primary customer profile is not in-review or twilio-approved)",
  22218: "a supporting document field does not match the end-user field",
  22219: "an address is missing (address_sids resolve to no Address)",
};

function targetLine(t: TargetInfo): string {
  const kind =
    t.kind === "sandbox" ? "embedded sandbox" : t.kind === "emulator" ? "emulator" : "Twilio";
  return `${kind} ${t.url} (account ${t.accountSid})`;
}

export function codeMeaning(code: number): string {
  return (
    CODE_MEANINGS[code] ??
    `no description known to trusthub; see https://www.twilio.com/docs/api/errors/${code}`
  );
}

/**
 * Without --wait: 0 once statuses were read. With --wait: 1 (EXIT.error) on
 * timeout, 6 (EXIT.partial) when any profile ended twilio-rejected, else 0
 * (every submitted profile twilio-approved; drafts and missing ones do not count).
 */
export function statusExitCode(report: StatusReport): ExitCode {
  if (report.wait === undefined) return EXIT.ok;
  if (report.wait.timedOut) return EXIT.error;
  if (report.profiles.some((p) => p.status === "twilio-rejected")) return EXIT.partial;
  return EXIT.ok;
}

export function renderStatusJson(report: StatusReport): string {
  return `${JSON.stringify({ ...report, summary: countStatuses(report), exit_code: statusExitCode(report) }, null, 2)}\n`;
}

const ORDER: LiveStatus[] = [
  "twilio-approved",
  "in-review",
  "pending-review",
  "twilio-rejected",
  "draft",
  "missing",
];

export function countStatuses(report: StatusReport): Record<LiveStatus, number> {
  const out = Object.fromEntries(ORDER.map((s) => [s, 0])) as Record<LiveStatus, number>;
  for (const p of report.profiles) out[p.status] += 1;
  return out;
}

const COLOURS: Partial<Record<LiveStatus, number>> = {
  "twilio-approved": 32,
  "twilio-rejected": 31,
  "pending-review": 33,
  "in-review": 33,
  missing: 35,
};

export function renderStatusText(report: StatusReport, opts: { color: boolean }): string {
  const paint = (s: LiveStatus, text: string): string => {
    const c = COLOURS[s];
    return opts.color && c !== undefined ? `\u001b[${c}m${text}\u001b[39m` : text;
  };
  const lines = [`Trust Hub status: ${targetLine(report.target)}.`, ""];
  const label = (p: ProfileStatusEntry): string => p.key ?? JSON.stringify(p.friendlyName);
  const role = (p: ProfileStatusEntry): string =>
    p.kind === "secondary" ? "secondary" : p.kind === "other" ? "other" : "primary";
  const wLabel = Math.max(0, ...report.profiles.map((p) => label(p).length));
  const wStatus = Math.max(0, ...report.profiles.map((p) => p.status.length));
  for (const p of report.profiles) {
    const valid = p.validUntil ? `  valid until ${p.validUntil.slice(0, 10)}` : "";
    lines.push(
      `${role(p).padEnd(9)} ${label(p).padEnd(wLabel)}  ${(p.sid ?? "-").padEnd(34)}  ${paint(p.status, p.status.padEnd(wStatus))}${valid}`.trimEnd(),
    );
    if (p.note !== undefined) lines.push(`    ${p.note}`);
    for (const r of p.rejection) lines.push(`    rejected: ${r.code} ${r.meaning}`);
    const ev = p.evaluation;
    if (ev !== undefined) {
      lines.push(`    last evaluation ${ev.sid} (${ev.dateCreated}): ${ev.status}`);
      for (const f of ev.failures) {
        const where = `${f.objectType}${f.field ? ` ${f.field}` : ""}`;
        const code = f.code === null ? "" : ` ${f.code}`;
        lines.push(`      ${where}:${code} ${f.meaning ?? "failed"}`);
      }
    }
  }
  if (report.profiles.length === 0) lines.push("No customer profiles.");
  const counts = countStatuses(report);
  const parts = ORDER.filter((s) => counts[s] > 0).map(
    (s) => `${counts[s]} ${s === "missing" ? "not in Trust Hub" : s}`,
  );
  const n = report.profiles.length;
  lines.push(
    "",
    `${n} profile${n === 1 ? "" : "s"}${parts.length > 0 ? `: ${parts.join(", ")}` : ""}.`,
  );
  const w = report.wait;
  if (w !== undefined) {
    const waiting = report.profiles.filter((p) => WAITING.includes(p.status)).length;
    lines.push(
      w.timedOut
        ? `Timed out after ${duration(w.seconds)} (${w.polls} polls): ${waiting} profile${waiting === 1 ? " is" : "s are"} still waiting for Twilio's review.`
        : `Waited ${duration(w.seconds)} (${w.polls} polls): every submitted profile has a final status.`,
    );
  }
  return `${lines.join("\n")}\n`;
}

export function duration(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  return h > 0
    ? `${h}h${String(m).padStart(2, "0")}m`
    : m > 0
      ? `${m}m${String(r).padStart(2, "0")}s`
      : `${r}s`;
}

type Item = Record<string, unknown>;

/** Twilio's `errors` array (`[{code: 18601}]`); codes only, anything else ignored. */
export function rejectionCodes(errors: unknown[]): { code: number; meaning: string }[] {
  const codes = errors
    .map((e) => (typeof e === "object" && e !== null ? (e as { code?: unknown }).code : e))
    .map((c) => (typeof c === "string" && /^\d{1,6}$/.test(c) ? Number(c) : c))
    .filter((c): c is number => typeof c === "number" && Number.isInteger(c));
  return [...new Set(codes)].map((code) => ({ code, meaning: codeMeaning(code) }));
}

/** Failed requirements of an evaluation, one line per invalid field (or per missing object). */
export function evaluationFailures(results: unknown): EvaluationFailure[] {
  const out: EvaluationFailure[] = [];
  const str = (o: Item, k: string): string => (typeof o[k] === "string" ? o[k] : "");
  const code = (o: Item): number | null =>
    typeof o["error_code"] === "number" ? o["error_code"] : null;
  for (const raw of Array.isArray(results) ? results : []) {
    if (typeof raw !== "object" || raw === null) continue;
    const r = raw as Item;
    if (r["passed"] !== false) continue;
    const base = { requirement: str(r, "requirement_name"), objectType: str(r, "object_type") };
    const invalid = Array.isArray(r["invalid"]) ? (r["invalid"] as unknown[]) : [];
    const fields = invalid.filter((f): f is Item => typeof f === "object" && f !== null);
    if (fields.length === 0) {
      const c = code(r);
      out.push({ ...base, code: c, meaning: c === null ? null : codeMeaning(c) });
    }
    for (const f of fields) {
      const c = code(f) ?? code(r);
      out.push({
        ...base,
        field: str(f, "object_field"),
        code: c,
        meaning: c === null ? null : codeMeaning(c),
      });
    }
  }
  return out;
}
