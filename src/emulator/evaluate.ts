/**
 * Evaluations computed from a Policy's requirements (reference sections 7
 * and 13): one result per requirement, with the codes Twilio uses:
 * 22214 end user missing, 22215 end-user field missing or invalid,
 * 22216 supporting document / primary profile missing, 22217 document field
 * missing / primary not in-review or approved, 22219 address missing.
 */
import {
  BUSINESS_IDENTITIES,
  BUSINESS_INDUSTRIES,
  BUSINESS_TYPES,
  JOB_POSITIONS,
  POLICY_SIDS,
  REGIONS_OF_OPERATION,
  REGISTRATION_ID_TYPES,
} from "../domain/twilio.ts";
import {
  OPTIONAL_END_USER_TYPES,
  OPTIONAL_FIELDS,
  type DocumentRequirement,
  type EndUserRequirement,
  type Policy,
  type ProfileRequirement,
} from "./catalog.ts";
import { productFieldInvalid, registrationIssue } from "./evaluate-products.ts";
import { A2P_COMPANY_TYPES, PUBLIC_COMPANY_FIELDS } from "./trust-policies.ts";
import type { AccountData } from "./store.ts";
import type { EvaluationField, EvaluationResult, Profile } from "./types.ts";

const ENUMS: Record<string, readonly string[]> = {
  company_type: A2P_COMPANY_TYPES,
  business_identity: BUSINESS_IDENTITIES,
  business_industry: BUSINESS_INDUSTRIES,
  business_type: BUSINESS_TYPES,
  business_registration_identifier: REGISTRATION_ID_TYPES,
  job_position: JOB_POSITIONS,
};

/** Which policies satisfy a supporting_customer_profiles requirement type. */
const PROFILE_TYPE_POLICIES: Record<string, string[]> = {
  primary_customer_profile_type_business: [POLICY_SIDS.primaryBusiness],
  secondary_customer_profile_type_business: [POLICY_SIDS.secondary],
  customer_profile_type_business: [POLICY_SIDS.primaryBusiness, POLICY_SIDS.secondary],
};

function label(field: string): string {
  return field
    .split("_")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(" ");
}

function ok(field: string, friendly = label(field)): EvaluationField {
  return {
    object_field: field,
    friendly_name: friendly,
    passed: true,
    failure_reason: null,
    error_code: null,
  };
}

function bad(
  field: string,
  reason: string,
  code: number,
  friendly = label(field),
): EvaluationField {
  return { object_field: field, friendly_name: friendly, failure_reason: reason, error_code: code };
}

function result(
  name: string,
  objectType: string,
  requirement: string,
  valid: EvaluationField[],
  invalid: EvaluationField[],
  failure: { reason: string; code: number } | null,
): EvaluationResult {
  return {
    friendly_name: name,
    object_type: objectType,
    passed: failure === null,
    failure_reason: failure?.reason ?? null,
    error_code: failure?.code ?? null,
    valid,
    invalid,
    requirement_friendly_name: name,
    requirement_name: requirement,
  };
}

function assignedObjects(acct: AccountData, profile: Profile): string[] {
  return acct.assignmentsOf(profile.sid).items.map((a) => a.objectSid);
}

function fieldIssue(field: string, value: unknown): string | null {
  const empty =
    value === undefined ||
    value === null ||
    (typeof value === "string" && value.trim() === "") ||
    (Array.isArray(value) && value.length === 0);
  if (empty) return OPTIONAL_FIELDS.has(field) ? null : `The ${label(field)} is missing.`;
  const allowed = ENUMS[field];
  if (allowed && !(typeof value === "string" && allowed.includes(value))) {
    return `The ${label(field)} is invalid.`;
  }
  if (productFieldInvalid(field, value)) return `The ${label(field)} is invalid.`;
  if (field === "business_regions_of_operation") {
    const parts: unknown[] = Array.isArray(value)
      ? value
      : typeof value === "string"
        ? value.split(",")
        : [value];
    const known = REGIONS_OF_OPERATION as readonly string[];
    if (!parts.every((p) => typeof p === "string" && known.includes(p.trim()))) {
      return `The ${label(field)} is invalid.`;
    }
  }
  return null;
}

function evalEndUser(
  acct: AccountData,
  objects: string[],
  req: EndUserRequirement,
): EvaluationResult {
  const user = objects.map((s) => acct.endUsers.get(s)).find((u) => u?.type === req.type);
  if (!user) {
    if (OPTIONAL_END_USER_TYPES.has(req.type))
      return result(req.name, req.type, req.requirement_name, [], [], null);
    const reason = `An End-User of type ${req.name} is missing. Please add one to the regulatory bundle.`;
    return result(req.name, req.type, req.requirement_name, [], [], { reason, code: 22214 });
  }
  const valid: EvaluationField[] = [];
  const invalid: EvaluationField[] = [];
  for (const f of req.fields) {
    if (PUBLIC_COMPANY_FIELDS.has(f) && user.attributes["company_type"] !== "public") continue;
    const issue = fieldIssue(f, user.attributes[f]);
    if (issue) invalid.push(bad(f, `${issue} Please update the ${req.name}.`, 22215));
    else valid.push(ok(f));
  }
  const failure = invalid.length
    ? { reason: `The ${req.name} has missing or invalid fields.`, code: 22215 }
    : null;
  return result(req.name, req.type, req.requirement_name, valid, invalid, failure);
}

function evalDocument(
  acct: AccountData,
  objects: string[],
  group: DocumentRequirement[],
): EvaluationResult[] {
  return group.map((req) => {
    const types = req.accepted_documents.map((d) => d.type);
    const doc = objects.map((s) => acct.documents.get(s)).find((d) => d && types.includes(d.type));
    const objectType = types[0] ?? "document";
    if (!doc) {
      const reason = `A Supporting Document of type ${req.name} is missing. Please add one to the regulatory bundle.`;
      return result(req.name, objectType, req.requirement_name, [], [], { reason, code: 22216 });
    }
    const raw = doc.attributes["address_sids"];
    const sids = (
      Array.isArray(raw) ? raw.map(String) : typeof raw === "string" ? raw.split(",") : []
    )
      .map((s) => s.trim())
      .filter((s) => s !== "");
    if (sids.length === 0) {
      const f = bad("address_sids", "The Address Sids is missing.", 22217);
      return result(req.name, doc.type, req.requirement_name, [], [f], {
        reason: f.failure_reason!,
        code: 22217,
      });
    }
    if (!sids.every((s) => acct.addresses.get(s))) {
      const f = bad(
        "address_sids",
        "An Address is missing. The address_sids do not resolve to an Address.",
        22219,
      );
      return result(req.name, doc.type, req.requirement_name, [], [f], {
        reason: f.failure_reason!,
        code: 22219,
      });
    }
    return result(req.name, doc.type, req.requirement_name, [ok("address_sids")], [], null);
  });
}

function evalProfile(
  acct: AccountData,
  objects: string[],
  req: ProfileRequirement,
  registrationIds?: readonly string[],
): EvaluationResult {
  const policies = PROFILE_TYPE_POLICIES[req.type] ?? [];
  const linked = objects
    .map((s) => acct.referableProfile(s))
    .filter((p) => p && policies.includes(p.policySid));
  const friendly = "Supporting Bundle Status";
  const what =
    req.requirement_name === "primary_customer_profile"
      ? "Primary customer profile"
      : "Customer profile";
  if (linked.length === 0) {
    const f = bad("bundle_sid", `${what} is null`, 22216, friendly);
    return result(req.name, req.type, req.requirement_name, [], [f], {
      reason: f.failure_reason!,
      code: 22216,
    });
  }
  const good = linked.filter((p) => p!.status === "twilio-approved" || p!.status === "in-review");
  const issue = good.length === 0 ? `${what} must be in approved or in-review state` : null;
  const registration = good.length ? registrationIssue(acct, good[0]!, registrationIds) : null;
  if (issue ?? registration) {
    const field = issue ? "bundle_sid" : "business_registration_identifier";
    const f = bad(field, (issue ?? registration)!, 22217, friendly);
    return result(req.name, req.type, req.requirement_name, [], [f], {
      reason: f.failure_reason!,
      code: 22217,
    });
  }
  return result(req.name, req.type, req.requirement_name, [ok("bundle_sid", friendly)], [], null);
}

export function evaluate(
  acct: AccountData,
  profile: Profile,
  policy: Policy,
): { status: "compliant" | "noncompliant"; results: EvaluationResult[] } {
  const objects = assignedObjects(acct, profile);
  const r = policy.requirements;
  const results = [
    ...r.end_user.map((req) => evalEndUser(acct, objects, req)),
    ...r.supporting_document.flatMap((g) => evalDocument(acct, objects, g)),
    ...r.supporting_customer_profiles.map((req) =>
      evalProfile(acct, objects, req, policy.profileRegistrationIds),
    ),
  ];
  return { status: results.every((x) => x.passed) ? "compliant" : "noncompliant", results };
}
