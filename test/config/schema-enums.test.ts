/** The schema spells every enum exactly as src/domain/twilio.ts (Twilio's spelling). */
import { describe, expect, it } from "vitest";
import schema from "../../schemas/trusthub.schema.json" with { type: "json" };
import {
  BUSINESS_IDENTITIES,
  BUSINESS_INDUSTRIES,
  BUSINESS_TYPES,
  JOB_POSITIONS,
  REGIONS_OF_OPERATION,
  REGISTRATION_ID_TYPES,
} from "../../src/domain/twilio.ts";
import { FRIENDLY_NAME_MAX_LENGTH } from "../../src/domain/limits.ts";
import { A2P_COMPANY_TYPES } from "../../src/domain/trust-products.ts";

const defs = schema.$defs;

describe("schema enums", () => {
  it.each([
    ["business.identity", defs.business.properties.identity.anyOf[0]!.enum, BUSINESS_IDENTITIES],
    ["business.type", defs.business.properties.type.anyOf[0]!.enum, BUSINESS_TYPES],
    ["business.industry", defs.business.properties.industry.anyOf[0]!.enum, BUSINESS_INDUSTRIES],
    [
      "business.registration.type",
      defs.business.properties.registration.properties.type.anyOf[0]!.enum,
      REGISTRATION_ID_TYPES,
    ],
    [
      "business.regionsOfOperation",
      defs.business.properties.regionsOfOperation.items.anyOf[0]!.enum,
      REGIONS_OF_OPERATION,
    ],
    [
      "representative.jobPosition",
      defs.representative.properties.jobPosition.anyOf[0]!.enum,
      JOB_POSITIONS,
    ],
    [
      "a2pMessaging.companyType",
      defs.a2pMessaging.properties.companyType.anyOf[0]!.enum,
      A2P_COMPANY_TYPES,
    ],
  ])("%s", (_, inSchema, inDomain) => {
    expect(inSchema).toEqual([...inDomain]);
  });

  it.each([
    ["business.identity", defs.business.properties.identity],
    ["business.type", defs.business.properties.type],
    ["business.industry", defs.business.properties.industry],
    ["business.registration.type", defs.business.properties.registration.properties.type],
    ["business.regionsOfOperation", defs.business.properties.regionsOfOperation.items],
    ["representative.jobPosition", defs.representative.properties.jobPosition],
    ["a2pMessaging.companyType", defs.a2pMessaging.properties.companyType],
  ])("%s also accepts {unlisted: X} (values Twilio returns that we do not list)", (_, node) => {
    expect(node.anyOf[1]).toEqual({ $ref: "#/$defs/unlisted" });
  });

  it.each([
    "businessPrimary",
    "individualPrimary",
    "businessProfile",
    "a2pMessaging",
    "shakenStir",
    "cnam",
    "voiceIntegrity",
  ] as const)("%s.friendlyName has Twilio's FriendlyName limit as maxLength", (def) => {
    expect(defs[def].properties.friendlyName.maxLength).toBe(FRIENDLY_NAME_MAX_LENGTH);
  });

  it("has a draft 2020-12 $schema and an $id", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.$id).toMatch(/^https:\/\/.+\.schema\.json$/);
  });
});
