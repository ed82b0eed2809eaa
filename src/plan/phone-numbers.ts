/**
 * Phone numbers of a profile or a voice trust product (issue 14): declared
 * E.164 numbers resolve to the account's PN... SIDs through the one list of
 * its incoming phone numbers; a number the account does not hold is an error
 * note; assignments to add or remove are field-level changes (slot
 * "phoneNumbers", field = the E.164 number, before/after "assigned"). Trust
 * Hub accepts channel endpoint assignments in any status
 * (CHANNEL_ENDPOINTS_ANY_STATUS), so these changes are carried out even when
 * the bundle itself is immutable. Pure.
 */
import type { FieldChange, PlanNote } from "../model/plan.ts";
import type { ObservedAccount, ObservedChannelEndpoint } from "../model/trusthub.ts";

export const ASSIGNED = "assigned";

export interface NumberBook {
  /** E.164 -> PN... */
  byNumber: ReadonlyMap<string, string>;
  /** PN... -> E.164 */
  byPn: ReadonlyMap<string, string>;
  accountSid: string;
}

export function numberBook(account: ObservedAccount): NumberBook {
  const list = account.phoneNumbers ?? [];
  return {
    byNumber: new Map(list.map((n) => [n.phoneNumber, n.sid])),
    byPn: new Map(list.map((n) => [n.sid, n.phoneNumber])),
    accountSid: account.target.accountSid,
  };
}

export interface ResolvedNumbers {
  /** PN... of the numbers the account holds, sorted. */
  sids: string[];
  /** Declared numbers the account does not hold. */
  missing: string[];
}

export function resolveNumbers(book: NumberBook, numbers: readonly string[]): ResolvedNumbers {
  const sids: string[] = [];
  const missing: string[] = [];
  for (const n of numbers) {
    const sid = book.byNumber.get(n);
    if (sid === undefined) missing.push(n);
    else sids.push(sid);
  }
  return { sids: [...new Set(sids)].sort(), missing };
}

/**
 * The error note for numbers not in the account. `owner` names the profile (or product);
 * `personal` (an individual's profile) keeps the numbers themselves out of the message.
 */
export function missingNumbersNote(
  book: NumberBook,
  owner: string,
  missing: readonly string[],
  personal: boolean,
): PlanNote {
  const what = personal
    ? `${missing.length === 1 ? "a declared phone number" : `${missing.length} declared phone numbers`} (personal data, not shown)`
    : `${missing.length === 1 ? "phone number" : "phone numbers"} ${missing.join(", ")}`;
  return {
    code: "phone/not-in-account",
    severity: "error",
    message: `${owner}: ${what} ${missing.length === 1 ? "is" : "are"} not among the incoming phone numbers of account ${book.accountSid}; buy or port ${missing.length === 1 ? "it" : "them"} into this account (or its subaccount), or remove ${missing.length === 1 ? "it" : "them"} from the YAML`,
  };
}

/** Assignments to add (wanted, not assigned) and to remove (assigned, not wanted), by number. */
export function numberChanges(
  book: NumberBook,
  wanted: readonly string[],
  observed: readonly ObservedChannelEndpoint[] | undefined,
  sensitive: boolean,
): FieldChange[] {
  const have = new Set((observed ?? []).map((e) => e.channelEndpointSid));
  const want = new Set(wanted);
  const out: FieldChange[] = [];
  for (const pn of want) {
    if (!have.has(pn)) {
      out.push({
        slot: "phoneNumbers",
        field: book.byPn.get(pn) ?? pn,
        after: ASSIGNED,
        sensitive,
      });
    }
  }
  for (const pn of have) {
    if (!want.has(pn)) {
      out.push({
        slot: "phoneNumbers",
        field: book.byPn.get(pn) ?? pn,
        before: ASSIGNED,
        sensitive,
      });
    }
  }
  return out.sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
}

/** The reason line of an action with number changes. */
export function numbersReason(changes: readonly FieldChange[]): string | undefined {
  const n = changes.filter((c) => c.slot === "phoneNumbers").length;
  if (n === 0) return undefined;
  return `${n} phone number assignment${n === 1 ? "" : "s"} to write (Trust Hub accepts them in any status: apply writes ${n === 1 ? "it" : "them"})`;
}

export function isNumberChange(c: FieldChange): boolean {
  return c.slot === "phoneNumbers";
}
