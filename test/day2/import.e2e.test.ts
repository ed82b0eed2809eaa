/**
 * `trusthub import` against the emulator: an account made through the
 * sandbox's Console control (primary) and the SDK (secondaries), imported to
 * YAML + env template; then `plan` with the template's variables shows only
 * adoptions, and the files hold no personal value in the YAML.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runImport } from "../../src/workflow/import.ts";
import { preparePlan } from "../../src/workflow/plan.ts";
import { isUserError } from "../../src/errors.ts";
import { makeSecondary, readEnvFile, world, type World } from "./helpers.ts";

let w: World;
let primarySid: string;
const noState = () => Promise.resolve({});

const CANARIES = ["Zyxwv", "canary-mail@", "+14155550987", "556677889", "77 Canary Lane"];

beforeAll(async () => {
  w = await world();
  const primary = await w.ctl.createPrimary({
    friendlyName: "Acme ISV primary",
    email: "compliance@acme.example",
    representative1: { first_name: "Zyxwv", email: "canary-mail@acme.example" },
    representative2: { phone_number: "+14155550987" },
    business: { business_registration_number: "556677889" },
    address: { street: "77 Canary Lane", streetSecondary: "Floor 2" },
    status: "twilio-approved",
  });
  primarySid = primary.sid;
  await makeSecondary(w.client, primarySid, {
    friendlyName: "Bluebird Bakery",
    email: "owner@bluebird.example",
    reps: [{}, {}],
    statusCallback: "https://hooks.acme.example/status",
  });
  await makeSecondary(w.client, primarySid, {
    friendlyName: "Harbor Dental, Inc.",
    email: "office@harbor.example",
    business: { social_media_profile_urls: "https://social.example/harbor" },
  });
  const submitted = await makeSecondary(w.client, primarySid, {
    friendlyName: "Cedar & Sons",
    email: "hi@cedar.example",
  });
  await w.client.trusthub.v1.customerProfiles(submitted).update({ status: "pending-review" });
});
afterAll(() => w.close());

describe("trusthub import", () => {
  it("writes schema-valid YAML with env references and a 0600 env template", async () => {
    const out = await runImport({
      env: w.env,
      cwd: w.cwd,
      out: "trusthub.yaml",
      readManaged: noState,
    });
    expect(out.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(out.diagnostics.map((d) => d.code)).toEqual([
      "rule/single-representative",
      "rule/single-representative",
    ]);
    expect(out.profiles.map((p) => [p.key, p.role, p.status])).toEqual([
      ["acme-isv-primary", "primary", "twilio-approved"],
      ["bluebird-bakery", "secondary", "draft"],
      ["cedar-sons", "secondary", "pending-review"],
      ["harbor-dental-inc", "secondary", "draft"],
    ]);
    const yamlText = readFileSync(join(w.cwd, "trusthub.yaml"), "utf8");
    expect(yamlText.split("\n")[0]).toMatch(
      /^# yaml-language-server: \$schema=.*schemas\/trusthub\.schema\.json$/,
    );
    for (const c of CANARIES) expect(yamlText).not.toContain(c);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const doc = parse(yamlText) as Record<string, any>;
    expect(doc.primary.representatives[0].email).toBe(
      "${env:TRUSTHUB_ACME_ISV_PRIMARY_REP1_EMAIL}",
    );
    expect(doc.primary.business.registration.number).toBe(
      "${env:TRUSTHUB_ACME_ISV_PRIMARY_REGISTRATION_NUMBER}",
    );
    expect(doc.secondaries[0].business.regionsOfOperation).toEqual(["USA_AND_CANADA", "EUROPE"]);
    expect(doc.secondaries[0].submit).toBe(false);
    expect(doc.secondaries[1].submit).toBeUndefined();

    const envPath = join(w.cwd, "trusthub.env");
    expect(statSync(envPath).mode & 0o777).toBe(0o600);
    const vars = readEnvFile(envPath);
    expect(vars["TRUSTHUB_ACME_ISV_PRIMARY_REP1_FIRST_NAME"]).toBe("Zyxwv");
    expect(vars["TRUSTHUB_ACME_ISV_PRIMARY_REP2_PHONE"]).toBe("+14155550987");
    expect(vars["TRUSTHUB_ACME_ISV_PRIMARY_ADDRESS_STREET"]).toBe("77 Canary Lane");
    expect(Object.keys(vars)).toHaveLength(out.variables);
  });

  it("plan right after import, with the env template loaded, shows only adoptions", async () => {
    const vars = readEnvFile(join(w.cwd, "trusthub.env"));
    const p = await preparePlan({
      paths: ["trusthub.yaml"],
      env: { ...w.env, ...vars },
      cwd: w.cwd,
      readManaged: noState,
    });
    await p.close();
    const actions = p.plan.actions.map((a) => [a.key, a.action, a.submit]);
    expect(actions).toEqual([
      ["acme-isv-primary", "adopt", false],
      ["bluebird-bakery", "adopt", false],
      ["cedar-sons", "adopt", false],
      ["harbor-dental-inc", "adopt", false],
    ]);
    expect(p.plan.actions.flatMap((a) => a.changes)).toEqual([]);
    expect(p.plan.actions.flatMap((a) => a.consoleSteps)).toEqual([]);
    expect(p.plan.actions.flatMap((a) => a.notes.filter((n) => n.severity === "error"))).toEqual(
      [],
    );
  });

  it("refuses to overwrite existing files without --force, before reading Trust Hub", async () => {
    await w.ctl.resetRequestLog();
    const err = await runImport({ env: w.env, cwd: w.cwd, out: "trusthub.yaml" }).catch(
      (e: unknown) => e,
    );
    expect(isUserError(err)).toBe(true);
    expect((err as Error).message).toMatch(/trusthub\.yaml already exists.*--force/);
    expect((await w.ctl.getRequestLog()).count).toBe(0);
  });

  it("without --out returns the YAML and writes the template next to the working directory", async () => {
    const out = await runImport({
      env: w.env,
      cwd: w.cwd,
      envFile: "other/secrets.env",
      readManaged: noState,
    });
    expect(out.yamlFile).toBeUndefined();
    expect(out.yaml).toContain("key: acme-isv-primary");
    expect(existsSync(join(w.cwd, "other/secrets.env"))).toBe(true);
  });
});
