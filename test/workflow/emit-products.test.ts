/** import's pure part for issue 14 (emitProducts): Voice Integrity fields, unknown policies, defaults. */
import { expect, it } from "vitest";
import {
  TRUST_POLICY_SIDS,
  VOICE_INTEGRITY_END_USER_TYPE,
} from "../../src/domain/trust-products.ts";
import type { ObservedProduct } from "../../src/model/trusthub.ts";
import type { EnvEntry } from "../../src/workflow/emit/emit-env.ts";
import { emitProducts } from "../../src/workflow/emit/emit-products.ts";

const product = (sid: string, policySid: string, status = "twilio-approved"): ObservedProduct =>
  ({
    sid,
    policySid,
    friendlyName: `Acme ${sid}`,
    email: "ops@acme.example",
    statusCallback: "",
    status,
    dateUpdated: "2026-01-01T00:00:00Z",
    validUntil: null,
    errors: [],
  }) as ObservedProduct;

it("writes Voice Integrity's fields, leaves its numbers to the default, skips unknown policies", () => {
  const env: EnvEntry[] = [];
  const written: Record<string, unknown> = {};
  const warnings = emitProducts(
    "acme",
    "ops@acme.example",
    written,
    {
      phoneNumbers: ["+15005550101"],
      products: [
        {
          product: product("BU1", TRUST_POLICY_SIDS.voiceIntegrity),
          endUser: {
            sid: "IT1",
            type: VOICE_INTEGRITY_END_USER_TYPE,
            friendlyName: "vi",
            dateUpdated: "2026-01-01T00:00:00Z",
            attributes: {
              use_case: "Appointment reminders",
              business_employee_count: "12",
              average_business_day_call_volume: "300",
              notes: "",
            },
          },
          phoneNumbers: ["+15005550101"],
        },
        { product: product("BU2", "RN" + "0".repeat(32)), phoneNumbers: [] },
      ],
    },
    env,
  );
  expect(written).toEqual({
    phoneNumbers: ["+15005550101"],
    trustProducts: {
      voiceIntegrity: {
        friendlyName: "Acme BU1",
        useCase: "Appointment reminders",
        employeeCount: 12,
        averageDailyCallVolume: 300,
      },
    },
  });
  expect(warnings).toEqual([
    `acme: trust product BU2 (policy RN${"0".repeat(32)}) was not imported (a policy trusthub does not know)`,
  ]);
  expect(env).toEqual([]);
});
