/**
 * Sandbox "Console": create a primary customer profile (business or
 * individual) with its end users, address, address document and
 * assignments in one call, and submit it as the Console would.
 */
import {
  END_USER_TYPES,
  POLICY_SIDS,
  PROFILE_STATUSES,
  SUBACCOUNT_RULES,
  type ProfileStatus,
} from "../../domain/twilio.ts";
import type { Engine } from "../engine.ts";
import { ApiError } from "../errors.ts";
import { renderProfile } from "../render.ts";
import { isSid } from "../sids.ts";
import type { AccountData } from "../store.ts";
import type { Address, EndUser, EntityAssignment, Profile, SupportingDocument } from "../types.ts";

export interface PrimaryAddressInput {
  customerName?: string;
  street?: string;
  streetSecondary?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  isoCountry?: string;
  friendlyName?: string;
}

export interface CreatePrimaryInput {
  type?: "business" | "individual";
  /** Ask for this BU SID (e.g. one pinned in YAML); honoured when well-formed and unused, else a new one. */
  sid?: string;
  friendlyName?: string;
  email?: string;
  statusCallback?: string;
  /** Merged over a complete default ISV business (business_identity isv_reseller_or_partner). */
  business?: Record<string, unknown>;
  representative1?: Record<string, unknown>;
  /** Omitted unless given. */
  representative2?: Record<string, unknown>;
  individual?: Record<string, unknown>;
  address?: PrimaryAddressInput;
  /** Submit after creating (default true). */
  submit?: boolean;
  /** Force this status at the end (e.g. twilio-approved), skipping review. */
  status?: ProfileStatus;
}

export interface CreatePrimaryResult {
  sid: string;
  status: ProfileStatus;
  endUsers: Record<string, string>;
  addressSid: string;
  documentSid: string;
  assignmentSids: string[];
  profile: Record<string, unknown>;
}

export const DEFAULT_BUSINESS = {
  business_name: "Sandbox ISV, Inc.",
  business_identity: "isv_reseller_or_partner",
  business_type: "Corporation",
  business_industry: "TECHNOLOGY",
  business_registration_identifier: "EIN",
  business_registration_number: "123456789",
  business_regions_of_operation: "USA_AND_CANADA",
  website_url: "https://www.example.com",
  social_media_profile_urls: "",
};
export const DEFAULT_REPRESENTATIVE = {
  first_name: "Jane",
  last_name: "Doe",
  email: "jane.doe@example.com",
  phone_number: "+12025550123",
  business_title: "CEO",
  job_position: "CEO",
};
const DEFAULT_INDIVIDUAL = {
  first_name: "Jane",
  last_name: "Doe",
  email: "jane.doe@example.com",
  phone_number: "+12025550123",
};

export function createPrimary(
  engine: Engine,
  acct: AccountData,
  input: CreatePrimaryInput,
  base: string,
): CreatePrimaryResult {
  // Twilio's Console guide: a primary can be created only at the parent account level.
  if (SUBACCOUNT_RULES.primaryOnlyInParent && acct.parent !== undefined)
    throw new ApiError(
      400,
      400,
      "A primary customer profile can only be created in the parent account, not in a subaccount",
    );
  const kind = input.type ?? "business";
  if (kind !== "business" && kind !== "individual")
    throw new ApiError(400, 20001, "type must be business or individual");
  if (
    input.status !== undefined &&
    !(PROFILE_STATUSES as readonly string[]).includes(input.status)
  ) {
    throw new ApiError(400, 20001, `status must be one of ${PROFILE_STATUSES.join(", ")}`);
  }
  const now = engine.now();
  const stamp = { dateCreated: now, dateUpdated: now };
  const endUsers: Record<string, string> = {};
  const objects: string[] = [];
  const addUser = (
    slot: string,
    type: string,
    friendlyName: string,
    attributes: Record<string, unknown>,
  ): void => {
    const u: EndUser = { ...engine.rec(acct, "IT"), ...stamp, friendlyName, type, attributes };
    acct.endUsers.add(u);
    endUsers[slot] = u.sid;
    objects.push(u.sid);
  };
  if (kind === "business") {
    addUser("business", END_USER_TYPES.business, "Business Information", {
      ...DEFAULT_BUSINESS,
      ...input.business,
    });
    addUser("representative1", END_USER_TYPES.representative1, "Authorized Representative 1", {
      ...DEFAULT_REPRESENTATIVE,
      ...input.representative1,
    });
    if (input.representative2) {
      addUser("representative2", END_USER_TYPES.representative2, "Authorized Representative 2", {
        ...DEFAULT_REPRESENTATIVE,
        ...input.representative2,
      });
    }
  } else {
    addUser("individual", END_USER_TYPES.individual, "Individual Information", {
      ...DEFAULT_INDIVIDUAL,
      ...input.individual,
    });
  }
  const ad = input.address ?? {};
  const address: Address = {
    ...engine.rec(acct, "AD"),
    ...stamp,
    customerName: ad.customerName ?? "Sandbox ISV, Inc.",
    friendlyName: ad.friendlyName ?? "HQ",
    street: ad.street ?? "1 Main St",
    streetSecondary: ad.streetSecondary ?? null,
    city: ad.city ?? "San Francisco",
    region: ad.region ?? "CA",
    postalCode: ad.postalCode ?? "94105",
    isoCountry: ad.isoCountry ?? "US",
    emergencyEnabled: false,
  };
  acct.addresses.add(address);
  const doc: SupportingDocument = {
    ...engine.rec(acct, "RD"),
    ...stamp,
    friendlyName: "Business Address",
    type: "customer_profile_address",
    attributes: { address_sids: address.sid },
    status: "DRAFT",
  };
  acct.documents.add(doc);
  objects.push(doc.sid);
  const rec = engine.rec(acct, "BU");
  if (input.sid !== undefined && isSid(input.sid, "BU") && !sidInUse(engine, input.sid))
    rec.sid = input.sid;
  const p: Profile = {
    ...rec,
    ...stamp,
    policySid: kind === "business" ? POLICY_SIDS.primaryBusiness : POLICY_SIDS.primaryIndividual,
    friendlyName:
      input.friendlyName ??
      (kind === "business"
        ? "Sandbox Primary Business Profile"
        : "Sandbox Primary Individual Profile"),
    email: input.email ?? "compliance@example.com",
    statusCallback: input.statusCallback ?? null,
    status: "draft",
    validUntil: null,
    errors: null,
  };
  acct.profiles.add(p);
  const assignmentSids = objects.map((objectSid) => {
    const a: EntityAssignment = {
      ...engine.rec(acct, "BV"),
      profileSid: p.sid,
      objectSid,
      dateCreated: now,
    };
    acct.addAssignment(a);
    return a.sid;
  });
  engine.store.touch();
  if (input.submit ?? true) engine.submit(acct, p, true);
  if (input.status !== undefined) engine.setStatus(acct, p, input.status);
  return {
    sid: p.sid,
    status: p.status,
    endUsers,
    addressSid: address.sid,
    documentSid: doc.sid,
    assignmentSids,
    profile: renderProfile(p, base),
  };
}

function sidInUse(engine: Engine, sid: string): boolean {
  for (const a of engine.store.accounts.values()) if (a.profiles.get(sid)) return true;
  return engine.store.deletedSeq.has(sid);
}
