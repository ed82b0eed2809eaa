/**
 * `trusthub status` with trust products (issue 14), against the emulator: each
 * product's status, a draft's last evaluation failures, and `--wait` waiting
 * for a product under review (no paths: every live product is listed).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { TRUST_POLICY_SIDS } from "../../src/domain/trust-products.ts";
import { createClient } from "../../src/state/client.ts";
import { runStatus } from "../../src/workflow/status.ts";
import { statusOutput } from "../../src/workflow/status-output.ts";
import { startAccount, type EmulatorAccount } from "../helpers/emulator.ts";

let a: EmulatorAccount;
let draftSid: string;
let submittedSid: string;

beforeAll(async () => {
  a = await startAccount();
  const c = createClient(a.conn);
  const primary = await a.controls.createPrimary({ status: "twilio-approved" });
  const make = (friendlyName: string, policySid: string) =>
    c.trusthub.v1.trustProducts.create({ friendlyName, email: "ops@example.com", policySid });
  const draft = await make("Acme - A2P", TRUST_POLICY_SIDS.a2pMessagingProfile);
  draftSid = draft.sid;
  await c.trusthub.v1.trustProducts(draftSid).trustProductsEvaluations.create({
    policySid: TRUST_POLICY_SIDS.a2pMessagingProfile,
  });
  const ss = await make("Acme - SHAKEN/STIR", TRUST_POLICY_SIDS.shakenStir);
  submittedSid = ss.sid;
  await c.trusthub.v1
    .trustProducts(submittedSid)
    .trustProductsEntityAssignments.create({ objectSid: primary.sid });
  await c.trusthub.v1.trustProducts(submittedSid).update({ status: "pending-review" });
}, 60_000);

afterAll(async () => {
  await a?.emu.close();
});

it("lists each product's status and a draft's evaluation failures; --wait waits for review", async () => {
  const cwd = mkdtempSync(join(tmpdir(), "trusthub-status-products-"));
  const lines: string[] = [];
  const report = await runStatus({
    paths: [],
    env: a.env,
    cwd,
    wait: true,
    backoff: { initialMs: 1, factor: 1, maxMs: 1 },
    // Twilio's review, between two polls.
    sleep: async () => void (await a.controls.approveTrustProduct(submittedSid)),
    onProgress: (l) => lines.push(l),
  });
  expect(report.wait).toMatchObject({ timedOut: false, polls: 1 });
  expect(lines).toEqual([
    `"Acme - SHAKEN/STIR" ${submittedSid}: pending-review -> twilio-approved`,
  ]);
  const products = report.trust_products!;
  expect(products.map((p) => [p.friendlyName, p.status])).toEqual([
    ["Acme - A2P", "draft"],
    ["Acme - SHAKEN/STIR", "twilio-approved"],
  ]);
  const failures = products[0]!.evaluation!.failures;
  expect(failures.length).toBeGreaterThan(0);
  const text = statusOutput(report, { format: "text", color: false }).text;
  expect(text).toContain("Trust products:");
  expect(text).toMatch(new RegExp(`"Acme - A2P"\\s+${draftSid}\\s+draft`));
  expect(text).toMatch(/last evaluation EL\w+ \(.*\): noncompliant/);
  const json = JSON.parse(statusOutput(report, { format: "json", color: false }).text) as {
    trust_products: unknown[];
  };
  expect(json.trust_products).toHaveLength(2);
});
