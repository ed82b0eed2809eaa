/**
 * Twilio's ISV guidance in the language: `defaults.notificationEmail` and
 * `defaults.statusCallback` are the ISV's own, used by every secondary that
 * sets none; a secondary needs an email from one or the other; a secondary
 * whose email is at the brand's own website domain gets a warning (Twilio's
 * ISV guide: the secondary's Email "should not be your customer's email
 * address", so the ISV hears about rejections).
 */
import type { Diagnostic } from "../../model/config.ts";
import { diagnostic } from "../diagnostic.ts";
import { isEmail, isHttpUrl } from "./contact.ts";
import { businessProfiles, type RuleContext } from "./context.ts";

export function validDefaults(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const doc of ctx.documents) {
    const d = doc.written.defaults;
    const bad = (field: string, message: string): void => {
      const pointer = `/defaults/${field}`;
      out.push(
        diagnostic(
          `rule/${field === "notificationEmail" ? "email" : "url"}`,
          "error",
          `defaults.${field}: ${message}`,
          doc.at(pointer),
          pointer,
        ),
      );
    };
    if (d?.notificationEmail !== undefined && !isEmail(d.notificationEmail))
      bad("notificationEmail", "not a valid email address");
    if (d?.statusCallback !== undefined && !isHttpUrl(d.statusCallback))
      bad("statusCallback", "must be an absolute http:// or https:// URL with a host name");
  }
  return out;
}

export function secondariesHaveEmail(ctx: RuleContext): Diagnostic[] {
  if (ctx.documents.some((d) => d.written.defaults?.notificationEmail !== undefined)) return [];
  return businessProfiles(ctx)
    .filter((e) => e.role === "secondary" && e.profile.email === undefined)
    .map((e) =>
      diagnostic(
        "rule/missing-email",
        "error",
        `secondary ${e.profile.key} has no email: set defaults.notificationEmail (the ISV's address for Twilio's status mail) or its own email`,
        e.doc.at(`${e.pointer}/key`, "key"),
        e.pointer,
      ),
    );
}

/** The registrable-looking part we compare: lower case, without a leading "www.". */
function bareHost(host: string): string {
  return host.toLowerCase().replace(/^www\./, "");
}

function sameSite(a: string, b: string): boolean {
  return a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`);
}

export function brandOwnerEmail(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const e of businessProfiles(ctx)) {
    const email = e.profile.email;
    if (e.role !== "secondary" || email === undefined || !isEmail(email)) continue;
    if (!isHttpUrl(e.profile.business.websiteUrl)) continue;
    const site = bareHost(new URL(e.profile.business.websiteUrl).hostname);
    const domain = bareHost(email.slice(email.lastIndexOf("@") + 1));
    if (!sameSite(domain, site)) continue;
    const pointer = `${e.pointer}/email`;
    out.push(
      diagnostic(
        "rule/brand-owner-email",
        "warning",
        `secondary ${e.profile.key}: the email is at the brand's own domain ${site}; Twilio's ISV guide asks for the ISV's address (status mail about rejections goes there): set defaults.notificationEmail and drop this email`,
        e.doc.at(pointer),
        pointer,
      ),
    );
  }
  return out;
}
