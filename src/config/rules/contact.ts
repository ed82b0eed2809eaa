/** Phone numbers (E.164 via libphonenumber-js), email addresses and http(s) URLs. */
import type { Diagnostic, WrittenTrustProductBase } from "../../model/config.ts";
import { diagnostic, fieldLabel } from "../diagnostic.ts";
import { toE164 } from "../phone.ts";
import { allProfiles, isIndividual, type ProfileEntry, type RuleContext } from "./context.ts";

type Kind = "email" | "phone" | "url";

interface Field {
  entry: ProfileEntry;
  pointer: string;
  value: string;
  kind: Kind;
}

const fieldsOf = new WeakMap<RuleContext, readonly Field[]>();

/** Every contact field of every profile, with its pointer (one shared array per context). */
export function contactFields(ctx: RuleContext): readonly Field[] {
  let out = fieldsOf.get(ctx);
  if (out === undefined) {
    out = listFields(ctx);
    fieldsOf.set(ctx, out);
  }
  return out;
}

function listFields(ctx: RuleContext): Field[] {
  const out: Field[] = [];
  for (const entry of allProfiles(ctx)) {
    const add = (suffix: string, value: string | undefined, kind: Kind) => {
      if (value !== undefined)
        out.push({ entry, pointer: `${entry.pointer}${suffix}`, value, kind });
    };
    const p = entry.profile;
    add("/email", p.email, "email");
    add("/statusCallback", p.statusCallback, "url");
    const products = Object.entries(p.trustProducts ?? {}) as [string, WrittenTrustProductBase][];
    for (const [field, product] of products) {
      add(`/trustProducts/${field}/email`, product.email, "email");
      add(`/trustProducts/${field}/statusCallback`, product.statusCallback, "url");
    }
    if (isIndividual(p)) {
      add("/individual/email", p.individual.email, "email");
      add("/individual/phone", p.individual.phone, "phone");
      continue;
    }
    add("/business/websiteUrl", p.business.websiteUrl, "url");
    (p.business.socialMediaProfileUrls ?? []).forEach((u, i) => {
      add(`/business/socialMediaProfileUrls/${i}`, u, "url");
    });
    p.representatives.forEach((r, i) => {
      add(`/representatives/${i}/email`, r.email, "email");
      add(`/representatives/${i}/phone`, r.phone, "phone");
    });
  }
  return out;
}

// Deliberately simple: one @, no spaces, a dot in the domain. Twilio checks deliverability itself.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export function isEmail(value: string): boolean {
  return EMAIL.test(value);
}

/**
 * A plain http(s) URL that the URL parser certainly accepts with a dotted host: letters, digits
 * and hyphens in each label, the last one starting with a letter (not an IPv4 number), no
 * punycode, no port, user or space. Anything else goes through the parser.
 */
const PLAIN_URL = /^https?:\/\/(?:[a-z0-9-]+\.)+[a-z][a-z0-9-]*(?:[/?#][^\s]*)?$/i;

export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  if (PLAIN_URL.test(value) && !/xn--/i.test(value)) return true;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.includes(".");
  } catch {
    return false;
  }
}

function check(
  ctx: RuleContext,
  kind: Kind,
  code: string,
  ok: (f: Field) => boolean,
  message: string,
): Diagnostic[] {
  return contactFields(ctx)
    .filter((f) => f.kind === kind && !ok(f))
    .map((f) =>
      diagnostic(
        code,
        "error",
        `${fieldLabel(f.pointer)}: ${message}`,
        f.entry.doc.at(f.pointer),
        f.pointer,
      ),
    );
}

export function validPhones(ctx: RuleContext): Diagnostic[] {
  return check(
    ctx,
    "phone",
    "rule/phone",
    (f) => toE164(f.value, f.entry.profile.address.isoCountry) !== undefined,
    "not a valid phone number; write it in E.164, e.g. +12025550123",
  );
}

export function validEmails(ctx: RuleContext): Diagnostic[] {
  return check(ctx, "email", "rule/email", (f) => EMAIL.test(f.value), "not a valid email address");
}

export function validUrls(ctx: RuleContext): Diagnostic[] {
  return check(
    ctx,
    "url",
    "rule/url",
    (f) => isHttpUrl(f.value),
    "must be an absolute http:// or https:// URL with a host name",
  );
}
