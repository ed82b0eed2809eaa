/**
 * `trusthub apply` end to end: the real CLI in a child process, the real
 * Pulumi CLI (scripts/pulumi-cli.sh) with a file backend, the emulator as
 * Trust Hub. The steps share one emulator and one stack and run in order
 * (Pulumi starts slowly; each step builds on the state the previous one left).
 */
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatorHandle, Exchange } from "../../src/emulator/index.ts";
import type { SandboxControls } from "../../src/emulator/controls-client.ts";
import { EXIT } from "../../src/errors.ts";
import { loadConfig } from "../../src/config/index.ts";
import { desiredBundle } from "../../src/plan/desired.ts";
import { createClient } from "../../src/state/client.ts";
import { preparePlan } from "../../src/workflow/plan.ts";
import { readManaged } from "../../src/state/pulumi-state.ts";
import { ROOT } from "./fixtures.ts";
import { startAccount } from "../helpers/emulator.ts";
import { approvedPrimary } from "./console-primary.ts";
import type { Connection } from "../../src/model/trusthub.ts";
import { editYaml, isvCopy, run, runCli } from "./cli.ts";
import { findPulumiBinDir } from "../../src/apply/pulumi-bin.ts";
import { pathToFileURL } from "node:url";

let emu: EmulatorHandle;
let ctl: SandboxControls;
let env: Record<string, string>;
let conn: Connection;
let cwd: string;
let dir: string;
const exchanges: Exchange[] = [];
let onExchange: ((e: Exchange) => void) | undefined;

const apply = (...extra: string[]) => runCli(["apply", dir, "--auto-approve", ...extra], cwd, env);

async function managed() {
  return readManaged({
    env,
    cwd,
    target: conn.target,
  });
}

/** Writes (POST/DELETE) sent to Trust Hub since `from`, evaluations left out. */
function writesSince(from: number): string[] {
  return exchanges
    .slice(from)
    .filter(
      (e) =>
        e.method !== "GET" && !e.path.startsWith("/__sandbox") && !e.path.endsWith("/Evaluations"),
    )
    .map((e) => `${e.method} ${e.path}`);
}

async function plan() {
  const p = await preparePlan({ paths: [dir], env, cwd });
  await p.close();
  return p.plan;
}

beforeAll(async () => {
  const a = await startAccount({ onExchange: (e) => (exchanges.push(e), onExchange?.(e)) });
  ({ emu, conn, controls: ctl } = a);
  cwd = mkdtempSync(join(tmpdir(), "trusthub-apply-"));
  dir = isvCopy();
  env = { ...a.env, PULUMI_CONFIG_PASSPHRASE: "e2e-passphrase" };
  await approvedPrimary(ctl, conn, dir);
}, 120_000);

afterAll(async () => {
  await emu?.close();
});

describe("trusthub apply against the emulator with the real Pulumi engine", () => {
  it("creates everything on a fresh account, submits what is asked, then the plan is empty", async () => {
    // --verbose: the per-profile lines (without a terminal apply prints periodic summaries).
    const r = await apply("--verbose");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout).toMatch(
      /Apply finished: 3 created, 1 adopted, 0 updated, 2 submitted, 0 failed/,
    );
    // The Console-made primary is adopted, and progress says so (issue 16 item 5).
    expect(r.stdout).toMatch(/northwind: adopt started/);
    expect(r.stdout).toMatch(/northwind: adopt done \(BU/);
    expect(r.stdout).not.toMatch(/northwind: create/);
    const detailed = await runCli(["plan", dir, "--detailed-exitcode"], cwd, env);
    expect(detailed.code).toBe(EXIT.ok);
    const p = await plan();
    const { create, update, adopt, submit, skip, blocked } = p.summary;
    expect({ create, update, adopt, submit, skip, blocked }).toEqual({
      create: 0,
      update: 0,
      adopt: 0,
      submit: 0,
      skip: 0,
      blocked: 0,
    });
    // Field by field: what the emulator stores equals what the YAML declares.
    const config = (await loadConfig([dir], { env: {}, cwd: ROOT })).config!;
    const records = await managed();
    const c = createClient(conn);
    for (const s of config.secondaries) {
      const rec = records[s.key]!;
      const d = desiredBundle(s, {});
      const prof = await c.trusthub.v1.customerProfiles(rec.profileSid).fetch();
      expect([prof.friendlyName, prof.email, prof.status]).toEqual([
        d.profile.friendlyName,
        d.profile.email,
        s.submit ? "pending-review" : "draft",
      ]);
      for (const u of d.endUsers) {
        const live = await c.trusthub.v1.endUsers(rec.endUsers[u.slot]!).fetch();
        expect({
          type: live.type,
          name: live.friendlyName,
          attributes: live.attributes as unknown,
        }).toEqual({
          type: u.type,
          name: u.friendlyName,
          attributes: u.attributes,
        });
      }
      const a = await c.api.v2010.account.addresses(rec.addressSid!).fetch();
      expect([
        a.friendlyName,
        a.customerName,
        a.street,
        a.streetSecondary ?? "",
        a.city,
        a.region,
        a.postalCode,
        a.isoCountry,
      ]).toEqual([
        d.address.friendlyName,
        d.address.customerName,
        d.address.street,
        d.address.streetSecondary,
        d.address.city,
        d.address.region,
        d.address.postalCode,
        d.address.isoCountry,
      ]);
      const doc = await c.trusthub.v1.supportingDocuments(rec.documentSid!).fetch();
      expect(doc.attributes).toEqual({ address_sids: rec.addressSid });
    }
  });

  it("says so and runs no Pulumi update when nothing changed", async () => {
    const r = await apply();
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout).toContain("Nothing to change");
    expect(r.stdout).not.toContain("Applying through Pulumi");
  });

  it("an edit of a draft secondary is one update of exactly that object", async () => {
    editYaml(
      dir,
      "brands.yaml",
      "businessTitle: Practice Director",
      "businessTitle: Head of Practice",
    );
    const from = exchanges.length;
    const r = await apply();
    expect(r.code).toBe(EXIT.ok);
    const rep1 = (await managed())["harbor-dental"]!.endUsers.representative1;
    expect(writesSince(from)).toEqual([`POST /v1/EndUsers/${rep1}`]);
  });

  it("a rejected profile whose YAML was fixed is updated and resubmitted", async () => {
    const rec = (await managed())["bluebird-bakery"]!;
    await ctl.reject(rec.profileSid, [18601]);
    editYaml(
      dir,
      "brands.yaml",
      "websiteUrl: https://bluebird-bakery.example",
      "websiteUrl: https://www.bluebird-bakery.example",
    );
    const from = exchanges.length;
    const r = await apply();
    expect(r.code).toBe(EXIT.ok);
    expect(writesSince(from)).toEqual([
      `POST /v1/EndUsers/${rec.endUsers.business}`,
      `POST /v1/CustomerProfiles/${rec.profileSid}`,
    ]);
    const submit = exchanges
      .slice(from)
      .find((e) => e.path === `/v1/CustomerProfiles/${rec.profileSid}` && e.method === "POST");
    expect(submit?.form).toMatchObject({ Status: "pending-review" });
    expect(r.stdout).toMatch(/bluebird-bakery \(BU\w+\): submitted for review/);
  });

  it("a profile moved to in-review between plan and apply is refused, the rest applied", async () => {
    const recs = await managed();
    const maple = recs["maple-fitness"]!;
    const harbor = recs["harbor-dental"]!;
    await ctl.reject(maple.profileSid, [18601]); // editable again
    editYaml(
      dir,
      "brands.yaml",
      "businessTitle: Managing Partner",
      "businessTitle: Senior Partner",
    );
    editYaml(dir, "brands.yaml", "businessTitle: Head of Practice", "businessTitle: Practice Lead");
    // As soon as the provider starts on harbor-dental, Twilio takes maple-fitness into review.
    let flipped = false;
    onExchange = (e) => {
      if (
        !flipped &&
        e.method === "GET" &&
        e.path === `/v1/CustomerProfiles/${harbor.profileSid}`
      ) {
        flipped = true;
        void ctl.setStatus(maple.profileSid, "in-review");
      }
    };
    const from = exchanges.length;
    const r = await apply("--parallel", "1");
    onExchange = undefined;
    expect(flipped).toBe(true);
    expect(r.code).toBe(EXIT.partial);
    expect(r.stdout).toMatch(/maple-fitness: FAILED: .*in-review: Twilio does not allow changes/);
    const writes = writesSince(from);
    expect(writes).toContain(`POST /v1/EndUsers/${harbor.endUsers.representative1}`);
    const mapleObjects = [maple.profileSid, ...Object.values(maple.endUsers)];
    expect(writes.filter((w) => mapleObjects.some((s) => w.includes(s)))).toEqual([]);
  });

  it("pulumi preview through Pulumi.yaml shows the same changes as trusthub plan", async () => {
    editYaml(dir, "brands.yaml", "businessTitle: Practice Lead", "businessTitle: Dental Lead");
    const p = await plan();
    const planned = p.actions.filter((a) => a.action === "update").map((a) => a.key);
    expect(planned).toEqual(["harbor-dental"]);
    const bin = findPulumiBinDir(process.env);
    const r = await run(
      join(bin, "pulumi"),
      [
        "preview",
        "--json",
        "--stack",
        env["TWILIO_ACCOUNT_SID"]!,
        "--cwd",
        ROOT,
        "--config-file",
        join(cwd, "Pulumi.preview.yaml"),
        "--non-interactive",
      ],
      {
        ...env,
        PATH: `${join(ROOT, "node_modules", ".bin")}:${bin}:${process.env["PATH"]}`,
        PULUMI_BACKEND_URL: pathToFileURL(join(cwd, ".trusthub", "state")).href,
        PULUMI_HOME: join(cwd, ".trusthub", "pulumi-home"),
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
        TRUSTHUB_PATHS: dir,
      },
    );
    expect(r.stderr).not.toMatch(/error/i);
    const steps = (JSON.parse(r.stdout) as { steps: { op: string; urn: string }[] }).steps;
    const changed = steps
      .filter((s) => s.urn.includes("trusthub:Profile") && s.op !== "same")
      .map((s) => `${s.op} ${s.urn.slice(s.urn.lastIndexOf("::") + 2)}`);
    expect(changed).toEqual(["update harbor-dental"]);
  });

  it("without a terminal, apply needs --auto-approve and changes nothing", async () => {
    const from = exchanges.length;
    const r = await runCli(["apply", dir], cwd, env);
    expect(r.code).toBe(EXIT.error);
    expect(r.stderr).toMatch(/apply needs a confirmation: .*--auto-approve/);
    expect(writesSince(from)).toEqual([]);
  });

  it("pulumi up through Pulumi.yaml writes to the emulator at TRUSTHUB_API_URL, and only there", async () => {
    // Credentials + TRUSTHUB_API_URL, no hand-off from `trusthub apply`: the program and the
    // provider process resolve the target with the same module (src/state/target.ts).
    const rep1 = (await managed())["harbor-dental"]!.endUsers.representative1!;
    await ctl.resetRequestLog();
    const bin = findPulumiBinDir(process.env);
    const r = await run(
      join(bin, "pulumi"),
      [
        "up",
        "--yes",
        "--skip-preview",
        "--stack",
        env["TWILIO_ACCOUNT_SID"]!,
        "--cwd",
        ROOT,
        "--config-file",
        join(cwd, "Pulumi.preview.yaml"),
        "--non-interactive",
      ],
      {
        ...env,
        PATH: `${join(ROOT, "node_modules", ".bin")}:${bin}:${process.env["PATH"]}`,
        PULUMI_BACKEND_URL: pathToFileURL(join(cwd, ".trusthub", "state")).href,
        PULUMI_HOME: join(cwd, ".trusthub", "pulumi-home"),
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
        TRUSTHUB_PATHS: dir,
      },
    );
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    const log = await ctl.getRequestLog({ method: "POST" });
    const writes = log.requests
      .filter((q) => !q.path.startsWith("/__sandbox") && !q.path.endsWith("/Evaluations"))
      .map((q) => `${q.method} ${q.path}`);
    expect(writes).toEqual([`POST /v1/EndUsers/${rep1}`]);
    const live = await createClient(conn).trusthub.v1.endUsers(rep1).fetch();
    expect((live.attributes as Record<string, unknown>)["business_title"]).toBe("Dental Lead");
    expect((await plan()).actions.find((a) => a.key === "harbor-dental")?.action).toBe("no-op");
    // The bundles' hand-off file (issue 15) is in the project's .trusthub/ (the Pulumi.yaml
    // directory, not the directory of its `main`, which may be inside node_modules) and went with
    // the program's process.
    expect(readdirSync(join(ROOT, ".trusthub", "handoff"))).toEqual([]);
    expect(existsSync(join(ROOT, "src", "workflow", ".trusthub"))).toBe(false);
  });

  it("the Pulumi.yaml program refuses conflicting target settings before any request", async () => {
    const bin = findPulumiBinDir(process.env);
    await ctl.resetRequestLog();
    const r = await run(
      join(bin, "pulumi"),
      [
        "preview",
        "--stack",
        env["TWILIO_ACCOUNT_SID"]!,
        "--cwd",
        ROOT,
        "--config-file",
        join(cwd, "Pulumi.preview.yaml"),
        "--non-interactive",
      ],
      {
        ...env,
        TWILIO_API_KEY: "SK0123456789abcdef0123456789abcdef",
        TWILIO_API_SECRET: "secret-canary",
        PATH: `${join(ROOT, "node_modules", ".bin")}:${bin}:${process.env["PATH"]}`,
        PULUMI_BACKEND_URL: pathToFileURL(join(cwd, ".trusthub", "state")).href,
        PULUMI_HOME: join(cwd, ".trusthub", "pulumi-home"),
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
        TRUSTHUB_PATHS: dir,
      },
    );
    expect(r.code).not.toBe(0);
    expect(`${r.stdout}${r.stderr}`).toMatch(/both TWILIO_AUTH_TOKEN and an API key/);
    expect(`${r.stdout}${r.stderr}`).not.toContain("secret-canary");
    expect((await ctl.getRequestLog()).count).toBe(0);
  });

  it("a saved plan is applied only while it is still true", async () => {
    const file = join(cwd, "saved-plan.json");
    writeFileSync(file, JSON.stringify(await plan()));
    editYaml(dir, "brands.yaml", "businessTitle: Dental Lead", "businessTitle: Dental Director");
    const from = exchanges.length;
    const stale = await apply("--plan", file);
    expect(stale.code).toBe(EXIT.stalePlan);
    expect(stale.stderr).toMatch(/saved plan .* is no longer true/);
    expect(writesSince(from)).toEqual([]);
    writeFileSync(file, JSON.stringify(await plan()));
    const ok = await apply("--plan", file);
    // maple-fitness went into review with its YAML edited (above): drift apply cannot fix, exit 8.
    expect(ok.code).toBe(EXIT.immutableDrift);
    expect(ok.stdout).toMatch(/1 updated/);
  });

  it("--target limits apply to the named profiles", async () => {
    editYaml(dir, "brands.yaml", "businessTitle: Dental Director", "businessTitle: Chief Dentist");
    const from = exchanges.length;
    const r = await apply("--target", "maple-fitness");
    // Only maple-fitness's drift, which Twilio's review froze: said as such, exit 8 (issue 16).
    expect(r.code).toBe(EXIT.immutableDrift);
    expect(r.stdout).not.toContain("Nothing to change");
    expect(r.stdout).toMatch(/1 profile differs from the YAML but Twilio made it immutable/);
    expect(writesSince(from)).toEqual([]);
    expect((await plan()).actions.find((a) => a.key === "harbor-dental")?.action).toBe("update");
  });

  it("a second apply on the same stack fails fast on the lock", async () => {
    // Three bundles to write one after the other keep the first apply inside `pulumi up` (holding
    // the lock) long after the second has planned and started its own update.
    const recs = await managed();
    await ctl.reject(recs["bluebird-bakery"]!.profileSid, [18601]);
    await ctl.reject(recs["maple-fitness"]!.profileSid, [18601]);
    editYaml(dir, "brands.yaml", "businessTitle: Chief Dentist", "businessTitle: Head Dentist");
    editYaml(dir, "brands.yaml", "businessTitle: Owner", "businessTitle: Co-Owner");
    await ctl.setFaults({ latencyMs: 400 });
    try {
      const first = runCli(["apply", dir, "--auto-approve", "--parallel", "1"], cwd, env);
      const { existsSync, readdirSync } = await import("node:fs");
      const locks = join(cwd, ".trusthub", "state", ".pulumi", "locks");
      const t0 = Date.now();
      const held = () =>
        existsSync(locks) &&
        readdirSync(locks, { recursive: true }).some((f) => String(f).endsWith(".json"));
      while (!held() && Date.now() - t0 < 60_000) await new Promise((r) => setTimeout(r, 100));
      const second = await runCli(["apply", dir, "--auto-approve"], cwd, env);
      expect(second.code).toBe(EXIT.locked);
      expect(second.stderr).toMatch(/stack \S+ is locked: held by \S+@\S+ \(pid \d+\)/);
      expect(second.stderr).toContain("pulumi cancel");
      expect((await first).code).toBe(EXIT.ok);
    } finally {
      await ctl.resetFaults();
    }
  });
});
