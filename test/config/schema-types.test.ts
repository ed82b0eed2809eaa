/**
 * Keeps schemas/trusthub.schema.json and the Written* types of
 * src/model/config.ts from drifting apart:
 * - type level: a sample with every optional field present must satisfy
 *   DeepRequired<WrittenDocument>, and each `required` list below must equal
 *   the type's required keys exactly (a compile error otherwise);
 * - run time: each schema object's property names equal the sample's keys,
 *   its `required` equals the list, `additionalProperties` is false, and the
 *   samples validate.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import schema from "../../schemas/trusthub.schema.json" with { type: "json" };
import type {
  WrittenAccount,
  WrittenA2pMessaging,
  WrittenAddress,
  WrittenBusiness,
  WrittenBusinessPrimary,
  WrittenBusinessProfile,
  WrittenCnam,
  WrittenConsoleOnly,
  WrittenDocument,
  WrittenIndividualPrimary,
  WrittenRepresentative,
  WrittenShakenStir,
  WrittenTrustProducts,
  WrittenVoiceIntegrity,
} from "../../src/model/config.ts";

type DeepRequired<T> = T extends (infer U)[]
  ? DeepRequired<U>[]
  : T extends object
    ? { [K in keyof T]-?: DeepRequired<T[K]> }
    : T;
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

const address: DeepRequired<WrittenAddress> = {
  customerName: "Acme Inc.",
  street: "1 Example Way",
  street2: "Suite 1",
  city: "Washington",
  region: "DC",
  postalCode: "20001",
  isoCountry: "US",
};
const representative: DeepRequired<WrittenRepresentative> = {
  firstName: "Avery",
  lastName: "Example",
  email: "avery@acme.example",
  phone: "+12025550123",
  businessTitle: "CEO",
  jobPosition: "CEO",
};
const base = {
  key: "acme",
  friendlyName: "Acme",
  email: "ops@acme.example",
  statusCallback: "https://acme.example/cb",
  sid: "BU0123456789abcdef0123456789abcdef",
  submit: true,
  acknowledge: ["rule/single-representative"],
  phoneNumbers: ["+12025550100"],
  trustProducts: {
    a2pMessaging: {
      friendlyName: "Acme A2P",
      email: "ops@acme.example",
      statusCallback: "https://acme.example/cb",
      sid: "BU0123456789abcdef0123456789abcde0",
      submit: true,
      acknowledge: [],
      companyType: "public" as const,
      stockExchange: "NASDAQ",
      stockTicker: "ACME",
    },
    shakenStir: {
      friendlyName: "Acme SHAKEN/STIR",
      email: "ops@acme.example",
      statusCallback: "https://acme.example/cb",
      sid: "BU0123456789abcdef0123456789abcde1",
      submit: true,
      acknowledge: [],
      phoneNumbers: ["+12025550100"],
    },
    cnam: {
      friendlyName: "Acme CNAM",
      email: "ops@acme.example",
      statusCallback: "https://acme.example/cb",
      sid: "BU0123456789abcdef0123456789abcde2",
      submit: true,
      acknowledge: [],
      phoneNumbers: ["+12025550100"],
      displayName: "ACME",
    },
    voiceIntegrity: {
      friendlyName: "Acme Voice Integrity",
      email: "ops@acme.example",
      statusCallback: "https://acme.example/cb",
      sid: "BU0123456789abcdef0123456789abcde3",
      submit: true,
      acknowledge: [],
      phoneNumbers: ["+12025550100"],
      useCase: "1",
      employeeCount: 50,
      averageDailyCallVolume: 200,
      notes: "outbound reminders",
    },
  },
};
const secondary: DeepRequired<WrittenBusinessProfile> = {
  ...base,
  business: {
    name: "Acme Inc.",
    identity: "isv_reseller_or_partner",
    type: "Corporation",
    industry: "TECHNOLOGY",
    registration: { type: "Other", number: "123456789", otherType: "State charter number" },
    regionsOfOperation: ["USA_AND_CANADA"],
    websiteUrl: "https://acme.example",
    socialMediaProfileUrls: ["https://social.example/acme"],
  },
  address,
  representatives: [representative],
};
const account: DeepRequired<WrittenAccount> = {
  name: "prod",
  accountSidEnv: "TWILIO_ACCOUNT_SID_PROD",
  authTokenEnv: "TWILIO_AUTH_TOKEN_PROD",
  apiKeyEnv: "TWILIO_API_KEY_PROD",
  apiSecretEnv: "TWILIO_API_SECRET_PROD",
  apiUrlEnv: "TRUSTHUB_API_URL_PROD",
  parent: "isv",
};
const businessDocument: DeepRequired<WrittenDocument> = {
  version: 1,
  account,
  defaults: {
    submit: false,
    notificationEmail: "trusthub-ops@isv.example",
    statusCallback: "https://isv.example/trusthub/status",
  },
  primary: { type: "business", ...secondary, key: "primary" },
  secondaries: [secondary],
};
const individualDocument: DeepRequired<WrittenDocument> = {
  version: 1,
  account,
  defaults: {
    submit: true,
    notificationEmail: "trusthub-ops@isv.example",
    statusCallback: "https://isv.example/trusthub/status",
  },
  primary: {
    type: "individual",
    ...base,
    individual: {
      profileName: "Pat",
      email: "pat@personal.example",
      phone: "+12025550147",
      firstName: "Pat",
      lastName: "Example",
      dateOfBirth: "1984-06-15",
    },
    address,
    consoleOnly: { photoId: "console", selfieVerification: "console" },
  },
  secondaries: [],
};

const required = {
  root: ["version"] as const,
  defaults: [] as const,
  account: ["name", "accountSidEnv"] as const,
  businessPrimary: [
    "type",
    "key",
    "friendlyName",
    "email",
    "business",
    "address",
    "representatives",
  ] as const,
  individualPrimary: ["type", "key", "friendlyName", "email", "individual", "address"] as const,
  businessProfile: ["key", "friendlyName", "business", "address", "representatives"] as const,
  business: [
    "name",
    "identity",
    "type",
    "industry",
    "registration",
    "regionsOfOperation",
    "websiteUrl",
  ] as const,
  registration: ["type", "number"] as const,
  address: ["customerName", "street", "city", "region", "postalCode", "isoCountry"] as const,
  representative: [
    "firstName",
    "lastName",
    "email",
    "phone",
    "businessTitle",
    "jobPosition",
  ] as const,
  individual: ["profileName", "email", "phone", "firstName", "lastName", "dateOfBirth"] as const,
  consoleOnly: [] as const,
  trustProducts: [] as const,
  a2pMessaging: ["companyType"] as const,
  shakenStir: [] as const,
  cnam: ["displayName"] as const,
  voiceIntegrity: ["useCase", "employeeCount", "averageDailyCallVolume"] as const,
};
type Req<K extends keyof typeof required> = (typeof required)[K][number];
// Compile-time: each list is exactly the type's required keys.
const exact: [
  Exact<Req<"root">, RequiredKeys<WrittenDocument>>,
  Exact<Req<"defaults">, RequiredKeys<NonNullable<WrittenDocument["defaults"]>>>,
  Exact<Req<"account">, RequiredKeys<WrittenAccount>>,
  Exact<Req<"businessPrimary">, RequiredKeys<WrittenBusinessPrimary>>,
  Exact<Req<"individualPrimary">, RequiredKeys<WrittenIndividualPrimary>>,
  Exact<Req<"businessProfile">, RequiredKeys<WrittenBusinessProfile>>,
  Exact<Req<"business">, RequiredKeys<WrittenBusiness>>,
  Exact<Req<"registration">, RequiredKeys<WrittenBusiness["registration"]>>,
  Exact<Req<"address">, RequiredKeys<WrittenAddress>>,
  Exact<Req<"representative">, RequiredKeys<WrittenRepresentative>>,
  Exact<Req<"individual">, RequiredKeys<WrittenIndividualPrimary["individual"]>>,
  Exact<Req<"consoleOnly">, RequiredKeys<WrittenConsoleOnly>>,
  Exact<Req<"trustProducts">, RequiredKeys<WrittenTrustProducts>>,
  Exact<Req<"a2pMessaging">, RequiredKeys<WrittenA2pMessaging>>,
  Exact<Req<"shakenStir">, RequiredKeys<WrittenShakenStir>>,
  Exact<Req<"cnam">, RequiredKeys<WrittenCnam>>,
  Exact<Req<"voiceIntegrity">, RequiredKeys<WrittenVoiceIntegrity>>,
] = [
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
];

type SchemaNode = {
  $ref?: string;
  type?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: boolean;
  items?: SchemaNode;
  allOf?: { if: { properties: { type: { const: string } } }; then: SchemaNode }[];
};
const root = schema as unknown as SchemaNode & { $defs: Record<string, SchemaNode> };

function resolve(node: SchemaNode, sample: unknown): { node: SchemaNode; name?: string } {
  if (node.$ref) {
    const name = node.$ref.replace("#/$defs/", "");
    const target = root.$defs[name];
    if (!target) throw new Error(`no $defs/${name}`);
    const inner = resolve(target, sample);
    return { node: inner.node, name: inner.name ?? name };
  }
  if (node.allOf) {
    const type = (sample as { type?: string }).type;
    const branch = node.allOf.find((b) => b.if.properties.type.const === type);
    if (!branch) throw new Error(`no branch for type ${type}`);
    return resolve(branch.then, sample);
  }
  return { node };
}

/** Walks schema and sample together, collecting [path, schema keys, sample keys, name]. */
function walk(
  node: SchemaNode,
  sample: unknown,
  path: string,
  out: [string, SchemaNode, string[], string | undefined][],
) {
  const { node: n, name } = resolve(node, sample);
  if (Array.isArray(sample)) {
    if (sample.length > 0 && n.items) walk(n.items, sample[0], `${path}[]`, out);
    return;
  }
  if (sample === null || typeof sample !== "object") return;
  out.push([path, n, Object.keys(sample), name]);
  for (const [k, v] of Object.entries(sample)) {
    const child = n.properties?.[k];
    if (child) walk(child, v, `${path}.${k}`, out);
  }
}

function objects(sample: unknown) {
  const out: [string, SchemaNode, string[], string | undefined][] = [];
  walk(root, sample, "$", out);
  return out;
}

const NAMED: Record<string, keyof typeof required> = {
  $: "root",
  "$.defaults": "defaults",
  "$.account": "account",
  "$.primary.business.registration": "registration",
  "$.secondaries[].business.registration": "registration",
  "$.primary.consoleOnly": "consoleOnly",
};

describe("schema and Written* types", () => {
  it("type-level checks hold", () => {
    expect(exact.every(Boolean)).toBe(true);
  });

  it.each([
    ["business document", businessDocument],
    ["individual document", individualDocument],
  ])("%s: property names, required lists and additionalProperties match", (_, sample) => {
    const found = objects(sample);
    expect(found.length).toBeGreaterThan(5);
    for (const [path, node, keys, name] of found) {
      expect(Object.keys(node.properties ?? {}).sort(), path).toEqual([...keys].sort());
      expect(node.additionalProperties, path).toBe(false);
      const listName = NAMED[path] ?? name;
      expect(listName, `${path} has a required list`).toBeDefined();
      const list = required[listName as keyof typeof required] as readonly string[];
      expect([...(node.required ?? [])].sort(), path).toEqual([...list].sort());
    }
  });

  it.each([
    ["business document", businessDocument],
    ["individual document", individualDocument],
  ])("%s: the full sample validates", (_, sample) => {
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    expect(validate(sample), JSON.stringify(validate.errors)).toBe(true);
  });
});
