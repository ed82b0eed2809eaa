/**
 * Personal data never reaches a plan unless asked for: unique canary values
 * are planted in every personal field, both in the YAML (after) and in what
 * Trust Hub holds (before), across a business primary, secondaries with two
 * representatives, and an individual primary. No canary may appear in text,
 * markdown or JSON; with showSensitive they must (so the test can fail).
 * The CLI side (stdout and the --out file) is in test/render/canary-cli.test.ts.
 */
import { describe, expect, it } from "vitest";
import type { BusinessProfile, IndividualProfile, Representative } from "../../src/model/config.ts";
import type { DesiredBundle } from "../../src/model/trusthub.ts";
import { buildPlan } from "../../src/plan/build.ts";
import { redactPlan } from "../../src/plan/redact.ts";
import { renderJson } from "../../src/render/json.ts";
import { renderMarkdown } from "../../src/render/markdown.ts";
import { renderText } from "../../src/render/text.ts";
import { business, config, emptyAccount, individual, primary, putLive } from "../plan/fixtures.ts";

const canaries: string[] = [];
let n = 0;
/** A unique canary; `digits` for fields that must be numeric-looking. */
function canary(kind: "word" | "email" | "phone" | "digits" | "date"): string {
  n += 1;
  const id = String(1000 + n);
  const v =
    kind === "email"
      ? `cnry${id}@canary${id}.example`
      : kind === "phone"
        ? `+1202555${id.slice(-4)}`
        : kind === "digits"
          ? `98${id}7${id.slice(-2)}`
          : kind === "date"
            ? `19${String(50 + (n % 40))}-0${1 + (n % 9)}-1${n % 10}`
            : `Cnry${id}Qz`;
  canaries.push(v);
  return v;
}

function rep(): Representative {
  return {
    firstName: canary("word"),
    lastName: canary("word"),
    email: canary("email"),
    phone: canary("phone"),
    businessTitle: "Director of Things",
    jobPosition: "Director",
  };
}

/** A canary in every personal address field. */
function plantAddress(p: BusinessProfile | IndividualProfile): void {
  p.address = {
    ...p.address,
    customerName: canary("word"),
    street: canary("word"),
    street2: canary("word"),
    postalCode: canary("digits"),
  };
}

function plantBusiness(p: BusinessProfile): BusinessProfile {
  p.email = canary("email");
  p.business.registration.number = canary("digits");
  p.representatives = [rep(), rep()];
  plantAddress(p);
  return p;
}

function plantIndividual(p: IndividualProfile): IndividualProfile {
  p.email = canary("email");
  p.individual = {
    profileName: canary("word"),
    email: canary("email"),
    phone: canary("phone"),
    firstName: canary("word"),
    lastName: canary("word"),
    dateOfBirth: canary("date"),
  };
  plantAddress(p);
  return p;
}

/** Live values: a different canary in every personal attribute and address field. */
function plantLive(b: DesiredBundle): void {
  const personal = [
    "first_name",
    "last_name",
    "email",
    "phone_number",
    "business_registration_number",
    "profile_name",
    "birth_date",
  ];
  b.profile.email = canary("email");
  for (const u of b.endUsers) {
    for (const f of personal)
      if (f in u.attributes) u.attributes[f] = canary(f === "email" ? "email" : "word");
  }
  b.address.customerName = canary("word");
  b.address.street = canary("word");
  b.address.streetSecondary = canary("word");
  b.address.postalCode = canary("digits");
}

function leaks(text: string): string[] {
  return canaries.filter((c) => text.includes(c));
}

describe("canary: no personal value in any format", () => {
  const isv = primary(); // live base only: plantLive replaces its personal values
  const editable = plantBusiness(business("draft-brand"));
  const immutable = plantBusiness(business("approved-brand"));
  const fresh = plantBusiness(business("new-brand"));
  const acc = emptyAccount();
  const primarySid = putLive(acc, isv, { status: "twilio-rejected", mutate: plantLive });
  putLive(acc, editable, { primarySid, status: "draft", mutate: plantLive });
  putLive(acc, immutable, { primarySid, status: "twilio-approved", mutate: plantLive });
  acc.profiles.find((p) => p.sid === primarySid)!.status = "twilio-approved";
  const cfg = config(plantBusiness(primary()), [editable, immutable, fresh]);
  // the YAML's primary differs from the live one in every personal field too
  cfg.primary!.friendlyName = isv.friendlyName;

  const person = individual(); // live base only
  const accInd = emptyAccount();
  putLive(accInd, person, { status: "draft", mutate: plantLive });
  const cfgInd = config(plantIndividual(individual()));

  const plans = [buildPlan(cfg, acc), buildPlan(cfgInd, accInd)];

  it("plants canaries the planner really sees (shown with showSensitive)", () => {
    const shown = [
      buildPlan(cfg, acc, { showSensitive: true }),
      buildPlan(cfgInd, accInd, { showSensitive: true }),
    ];
    const text = shown.map((p) => renderJson(p)).join("\n");
    const missing = canaries.filter((c) => !text.includes(c));
    expect(canaries.length).toBeGreaterThan(80);
    expect(missing).toEqual([]);
    expect(shown[0]!.actions.map((a) => a.action)).toEqual(["skip", "skip", "update", "create"]);
  });

  it.each(["text", "markdown", "json"] as const)("%s: no canary", (format) => {
    for (const p of plans) {
      const out =
        format === "text"
          ? renderText(p, { color: true })
          : format === "markdown"
            ? renderMarkdown(p)
            : renderJson(p);
      expect(leaks(out)).toEqual([]);
    }
  });

  it("redactPlan strips a --show-sensitive plan before it is written to a file", () => {
    const shown = buildPlan(cfg, acc, { showSensitive: true });
    expect(leaks(renderJson(redactPlan(shown)))).toEqual([]);
  });
});
