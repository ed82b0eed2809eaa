/**
 * Day-2 test fixtures: an emulator account shaped like a real one that the
 * tool never touched: an ISV primary made through the sandbox's Console
 * control, and secondaries made by hand through the official SDK (the way a
 * script or the Console would, with their own object names).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseEnv } from "node:util";
import { readFileSync } from "node:fs";
import type { EmulatorHandle, Exchange } from "../../src/emulator/index.ts";
import type { SandboxControls } from "../../src/emulator/controls-client.ts";
import { POLICY_SIDS } from "../../src/domain/twilio.ts";
import { createClient, type TwilioClient } from "../../src/state/client.ts";
import { startAccount } from "../helpers/emulator.ts";

export interface World {
  emu: EmulatorHandle;
  ctl: SandboxControls;
  client: TwilioClient;
  env: Record<string, string>;
  cwd: string;
  close(): Promise<void>;
}

export async function world(
  opts: { reviewDelayMs?: number; onExchange?: (e: Exchange) => void } = {},
): Promise<World> {
  const { emu, env, conn, controls } = await startAccount({
    ...(opts.reviewDelayMs !== undefined && { reviewDelayMs: opts.reviewDelayMs }),
    ...(opts.onExchange !== undefined && { onExchange: opts.onExchange }),
  });
  return {
    emu,
    ctl: controls,
    client: createClient(conn, { maxRetries: 0 }),
    env,
    cwd: mkdtempSync(join(tmpdir(), "trusthub-day2-")),
    close: () => emu.close(),
  };
}

export interface SecondaryInput {
  friendlyName: string;
  email: string;
  business?: Record<string, string>;
  reps?: Record<string, string>[];
  address?: Record<string, string>;
  statusCallback?: string;
}

let serial = 0;

/** A complete secondary made through the SDK, assigned to `primarySid`; returns its SID. */
export async function makeSecondary(
  client: TwilioClient,
  primarySid: string,
  input: SecondaryInput,
): Promise<string> {
  const n = ++serial;
  const th = client.trusthub.v1;
  const profile = await th.customerProfiles.create({
    friendlyName: input.friendlyName,
    email: input.email,
    policySid: POLICY_SIDS.secondary,
    ...(input.statusCallback !== undefined && { statusCallback: input.statusCallback }),
  });
  const business = await th.endUsers.create({
    friendlyName: `biz ${n}`,
    type: "customer_profile_business_information",
    attributes: {
      business_name: `${input.friendlyName} LLC`,
      business_identity: "direct_customer",
      business_type: "Limited Liability Corporation",
      business_industry: "RETAIL",
      business_registration_identifier: "EIN",
      business_registration_number: `98765${String(4000 + n)}`,
      business_regions_of_operation: "USA_AND_CANADA,EUROPE",
      website_url: "https://brand.example",
      social_media_profile_urls: "",
      ...input.business,
    },
  });
  const objects = [business.sid];
  const reps = input.reps ?? [{}];
  for (const [i, rep] of reps.entries()) {
    const eu = await th.endUsers.create({
      friendlyName: `rep ${i + 1} of ${n}`,
      type: `authorized_representative_${i + 1}`,
      attributes: {
        first_name: `First${n}x${i}`,
        last_name: `Last${n}x${i}`,
        email: `person${n}x${i}@brand.example`,
        phone_number: `+1312555${String(1000 + n * 10 + i)}`,
        business_title: "Owner",
        job_position: i === 0 ? "CEO" : "GM",
        ...rep,
      },
    });
    objects.push(eu.sid);
  }
  const ad = input.address ?? {};
  const address = await client.api.v2010.account.addresses.create({
    customerName: ad["customerName"] ?? `${input.friendlyName} LLC`,
    street: ad["street"] ?? `${n} Sample Street`,
    city: ad["city"] ?? "Chicago",
    region: ad["region"] ?? "IL",
    postalCode: ad["postalCode"] ?? "60601",
    isoCountry: ad["isoCountry"] ?? "US",
    friendlyName: `addr ${n}`,
  });
  const doc = await th.supportingDocuments.create({
    friendlyName: `doc ${n}`,
    type: "customer_profile_address",
    attributes: { address_sids: address.sid },
  });
  objects.push(doc.sid, primarySid);
  for (const objectSid of objects) {
    await th.customerProfiles(profile.sid).customerProfilesEntityAssignments.create({ objectSid });
  }
  return profile.sid;
}

/** Reads an env template the way Node's --env-file does. */
export function readEnvFile(file: string): Record<string, string> {
  return parseEnv(readFileSync(file, "utf8")) as Record<string, string>;
}
