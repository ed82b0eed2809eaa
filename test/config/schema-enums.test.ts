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

const defs = schema.$defs;

describe("schema enums", () => {
  it.each([
    ["business.identity", defs.business.properties.identity.enum, BUSINESS_IDENTITIES],
    ["business.type", defs.business.properties.type.enum, BUSINESS_TYPES],
    ["business.industry", defs.business.properties.industry.enum, BUSINESS_INDUSTRIES],
    [
      "business.registration.type",
      defs.business.properties.registration.properties.type.enum,
      REGISTRATION_ID_TYPES,
    ],
    [
      "business.regionsOfOperation",
      defs.business.properties.regionsOfOperation.items.enum,
      REGIONS_OF_OPERATION,
    ],
    ["representative.jobPosition", defs.representative.properties.jobPosition.enum, JOB_POSITIONS],
  ])("%s", (_, inSchema, inDomain) => {
    expect(inSchema).toEqual([...inDomain]);
  });

  it("has a draft 2020-12 $schema and an $id", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.$id).toMatch(/^https:\/\/.+\.schema\.json$/);
  });
});
