/**
 * The trust-product checks of an evaluation (src/emulator/evaluate.ts):
 * CNAM display name and Voice Integrity number formats on end-user fields,
 * and the CNAM rule that the customer profile is registered with an EIN or
 * DUNS. Facts and sources: src/domain/trust-products.ts, facts-products.ts.
 * [GUESS] the failure texts and codes (22215 field, 22217 profile) follow
 * the profile evaluations; Twilio's exact texts for these are unpublished.
 */
import { END_USER_TYPES } from "../domain/twilio.ts";
import {
  CNAM_DISPLAY_NAME_FIELD,
  isCnamDisplayName,
  VOICE_INTEGRITY_POSITIVE_INTEGER_FIELDS,
} from "../domain/trust-products.ts";
import type { AccountData } from "./store.ts";
import type { Profile } from "./types.ts";

const POSITIVE_INTEGER = /^[1-9]\d*$/;
const POSITIVE_FIELDS: ReadonlySet<string> = new Set(VOICE_INTEGRITY_POSITIVE_INTEGER_FIELDS);

/** Whether a present end-user field value breaks a trust-product format rule. */
export function productFieldInvalid(field: string, value: unknown): boolean {
  if (field === CNAM_DISPLAY_NAME_FIELD)
    return !(typeof value === "string" && isCnamDisplayName(value));
  if (POSITIVE_FIELDS.has(field))
    return !(typeof value === "string" && POSITIVE_INTEGER.test(value));
  return false;
}

/** The account holding a profile: the caller's own, or (a subaccount's) its parent's primary. */
function ownerOf(acct: AccountData, p: Profile): AccountData {
  return p.accountSid === acct.account.sid || acct.parent === undefined ? acct : acct.parent;
}

/** The profile's business_registration_identifier (from its business-information end user). */
export function registrationIdOf(acct: AccountData, p: Profile): unknown {
  const owner = ownerOf(acct, p);
  for (const a of owner.assignmentsOf(p.sid).items) {
    const u = owner.endUsers.get(a.objectSid);
    if (u?.type === END_USER_TYPES.business)
      return u.attributes["business_registration_identifier"];
  }
  return undefined;
}

/** Why a linked profile fails the policy's registration rule, or null. */
export function registrationIssue(
  acct: AccountData,
  p: Profile,
  allowed: readonly string[] | undefined,
): string | null {
  if (allowed === undefined) return null;
  const id = registrationIdOf(acct, p);
  if (typeof id === "string" && allowed.includes(id)) return null;
  return `Customer profile must be registered with one of ${allowed.join(", ")}`;
}
