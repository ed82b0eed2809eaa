/**
 * The read-only catalogue Twilio seeds in every account: Policies with their
 * requirements (shapes from the spec's examples, reference section 4.1),
 * EndUserTypes and SupportingDocumentTypes (fetchable by SID or machine name).
 */
import { END_USER_TYPES, POLICY_SIDS } from "../domain/twilio.ts";
import { stableSid } from "./sids.ts";
import { TRUST_PRODUCT_POLICIES } from "./trust-policies.ts";

export interface EndUserRequirement {
  url: string;
  fields: string[];
  type: string;
  name: string;
  requirement_name: string;
}
export interface DocumentRequirement {
  description: string;
  type: "document";
  name: string;
  accepted_documents: { url: string; fields: string[]; type: string; name: string }[];
  requirement_name: string;
}
export interface ProfileRequirement {
  type: string;
  name: string;
  requirement_name: string;
}
export interface Policy {
  sid: string;
  friendly_name: string;
  /** Whether CustomerProfiles may use it (the others are TrustProduct policies). */
  customerProfile: boolean;
  /** Not rendered: the assigned customer profile's business_registration_identifier must be one of these. */
  profileRegistrationIds?: readonly string[];
  requirements: {
    end_user: EndUserRequirement[];
    supporting_trust_products: unknown[];
    supporting_document: DocumentRequirement[][];
    supporting_customer_profiles: ProfileRequirement[];
  };
}

export interface TypeField {
  machine_name: string;
  friendly_name: string;
  constraint: string;
}
export interface CatalogType {
  sid: string;
  machine_name: string;
  friendly_name: string;
  fields: TypeField[];
}

const REP_FIELDS = [
  "first_name",
  "last_name",
  "email",
  "phone_number",
  "business_title",
  "job_position",
];
const BUSINESS_FIELDS = [
  "business_type",
  "business_registration_number",
  "business_name",
  "business_registration_identifier",
  "business_identity",
  "business_industry",
  "website_url",
  "business_regions_of_operation",
  "social_media_profile_urls",
];
const PERSON_FIELDS = ["first_name", "last_name", "email", "phone_number"];

/** End-user requirements a profile may leave out, and fields that may be empty. */
export const OPTIONAL_END_USER_TYPES: ReadonlySet<string> = new Set([
  END_USER_TYPES.representative2,
]);
export const OPTIONAL_FIELDS: ReadonlySet<string> = new Set(["social_media_profile_urls", "notes"]);

function endUser(type: string, name: string, fields: string[]): EndUserRequirement {
  return { url: `/EndUserTypes/${type}`, fields, type, name, requirement_name: type };
}

function addressDoc(types: string[]): DocumentRequirement[][] {
  return [
    [
      {
        description: "Customer Profile HQ Physical Address",
        type: "document",
        name: "Physical Business Address",
        accepted_documents: types.map((t) => ({
          url: `/SupportingDocumentTypes/${t}`,
          fields: ["address_sids"],
          type: t,
          name: "Physical Business Address",
        })),
        requirement_name: "customer_profile_address",
      },
    ],
  ];
}

const businessEndUsers = [
  endUser(END_USER_TYPES.business, "Business Information", BUSINESS_FIELDS),
  endUser(END_USER_TYPES.representative1, "Authorized Representative 1", REP_FIELDS),
  endUser(END_USER_TYPES.representative2, "Authorized Representative 2", REP_FIELDS),
];
const primaryRequirement: ProfileRequirement = {
  type: "primary_customer_profile_type_business",
  name: "Primary Customer Profile Bundle",
  requirement_name: "primary_customer_profile",
};

export const POLICIES: Policy[] = [
  {
    sid: POLICY_SIDS.primaryBusiness,
    friendly_name: "Primary Customer Profile of type Business",
    customerProfile: true,
    requirements: {
      end_user: businessEndUsers,
      supporting_trust_products: [],
      supporting_document: addressDoc(["customer_profile_address"]),
      supporting_customer_profiles: [],
    },
  },
  {
    sid: POLICY_SIDS.primaryIndividual,
    friendly_name: "Primary customer profile for individual",
    customerProfile: true,
    requirements: {
      end_user: [endUser(END_USER_TYPES.individual, "Individual Information", PERSON_FIELDS)],
      supporting_trust_products: [],
      supporting_document: addressDoc(["customer_profile_address"]),
      supporting_customer_profiles: [],
    },
  },
  {
    sid: POLICY_SIDS.secondary,
    friendly_name: "Secondary Customer Profile of type Business",
    customerProfile: true,
    requirements: {
      end_user: businessEndUsers,
      supporting_trust_products: [],
      supporting_document: addressDoc(["customer_profile_address"]),
      supporting_customer_profiles: [primaryRequirement],
    },
  },
  {
    sid: POLICY_SIDS.starter,
    friendly_name: "Starter Customer Profile of type Business",
    customerProfile: true,
    requirements: {
      end_user: [endUser("starter_customer_profile_information", "Information", PERSON_FIELDS)],
      supporting_trust_products: [],
      supporting_document: addressDoc([
        "customer_profile_address",
        "starter_customer_profile_address",
      ]),
      supporting_customer_profiles: [primaryRequirement],
    },
  },
  ...TRUST_PRODUCT_POLICIES,
];

const POLICY_BY_SID = new Map(POLICIES.map((p) => [p.sid, p]));
export function policyBySid(sid: string): Policy | undefined {
  return POLICY_BY_SID.get(sid);
}

function catalogType(
  machine: string,
  friendly: string,
  fields: string[],
  constraint = "String",
): CatalogType {
  return {
    sid: stableSid("OY", machine),
    machine_name: machine,
    friendly_name: friendly,
    fields: fields.map((f) => ({
      machine_name: f,
      friendly_name: f
        .split("_")
        .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
        .join(" "),
      constraint: f === "address_sids" ? "List" : constraint,
    })),
  };
}

export const END_USER_TYPE_CATALOG: CatalogType[] = [
  catalogType(END_USER_TYPES.business, "Business Information", BUSINESS_FIELDS),
  catalogType(END_USER_TYPES.representative1, "Authorized Representative one", REP_FIELDS),
  catalogType(END_USER_TYPES.representative2, "Authorized Representative two", REP_FIELDS),
  catalogType(END_USER_TYPES.individual, "Individual Information", PERSON_FIELDS),
  catalogType("starter_customer_profile_information", "Starter Information", PERSON_FIELDS),
  catalogType("us_a2p_messaging_profile_information", "A2P Messaging Profile Information", [
    "company_type",
    "stock_exchange",
    "stock_ticker",
  ]),
  catalogType("cnam_information", "CNAM Information", ["cnam_display_name"]),
  catalogType("voice_integrity_information", "Voice Integrity Information", [
    "use_case",
    "business_employee_count",
    "average_business_day_call_volume",
    "notes",
  ]),
  catalogType("sole_proprietor_information", "Sole Proprietor Information", [
    "brand_name",
    "mobile_phone_number",
    "vertical",
  ]),
];

export const DOCUMENT_TYPE_CATALOG: CatalogType[] = [
  catalogType("customer_profile_address", "Customer profile address", ["address_sids"]),
  catalogType("starter_customer_profile_address", "Starter customer profile address", [
    "address_sids",
  ]),
  catalogType(
    "government_issued_proof_of_authorized_representative",
    "Government Issued Identity certifying proof of being an authorized representative of a company",
    ["first_name", "last_name", "business_name"],
  ),
];

export function findType(list: CatalogType[], key: string): CatalogType | undefined {
  return list.find((t) => t.sid === key || t.machine_name === key);
}
