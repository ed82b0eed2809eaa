/**
 * `trusthub plan` end to end: the CLI in-process, the official SDK, and the
 * emulator as a real HTTP server. Accounts are set up through the sandbox's
 * Console controls (primaries) and the SDK (secondaries). The profiles of
 * examples/isv only: its trust products and numbers are planned against the
 * emulator in products-workflow.test.ts.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runTrusthub } from "../helpers/io.ts";
import { startAccount } from "../helpers/emulator.ts";
import type { EmulatorHandle } from "../../src/emulator/index.ts";
import type { SandboxControls } from "../../src/emulator/controls-client.ts";
import { loadConfig } from "../../src/config/index.ts";
import type { Config } from "../../src/model/config.ts";
import type { ManagedRecord } from "../../src/model/trusthub.ts";
import { desiredBundle } from "../../src/plan/desired.ts";
import { createClient, type TwilioClient } from "../../src/state/client.ts";
import { preparePlan } from "../../src/workflow/plan.ts";
import { materialize } from "../state/materialize.ts";
import { withoutProducts } from "../apply/fixtures.ts";

const repo = join(import.meta.dirname, "../..");
let emu: EmulatorHandle;
let controls: SandboxControls;
let client: TwilioClient;
let env: Record<string, string>;
let dir: string;

beforeEach(async () => {
  const a = await startAccount();
  ({ emu, controls, env } = a);
  client = createClient(a.conn);
  dir = mkdtempSync(join(tmpdir(), "trusthub-plan-e2e-"));
  cpSync(join(repo, "examples"), join(dir, "examples"), { recursive: true });
  const brands = join(dir, "examples/isv/brands.yaml");
  writeFileSync(brands, withoutProducts(readFileSync(brands, "utf8")));
});
afterEach(() => emu.close());

const plan = (...args: string[]) => runTrusthub(["plan", ...args], dir, env);

/** examples/isv without its placeholder `sid:` pin, so the Console-made primary is found by name. */
function unpinIsv(): void {
  const f = join(dir, "examples/isv/primary.yaml");
  writeFileSync(f, readFileSync(f, "utf8").replace(/^\s*sid: BU\w+\n/m, ""));
}

/** Adds `sid:` after each profile's `key:` line. */
function pin(file: string, sids: Record<string, string>): void {
  const text = readFileSync(file, "utf8").replace(
    /^(\s*)(- )?key: (\S+)\n(\s*sid: \S+\n)?/gm,
    (line, indent: string, dash: string | undefined, key: string) => {
      const sid = sids[key];
      if (sid === undefined) return line.replace(/\n\s*sid: \S+\n$/, "\n");
      return `${indent}${dash ?? ""}key: ${key}\n${indent}${dash ? "  " : ""}sid: ${sid}\n`;
    },
  );
  writeFileSync(file, text);
}

/** Pins every profile of examples/isv to the SID the emulator gave it. */
function pinIsv(records: Record<string, ManagedRecord>): void {
  pin(join(dir, "examples/isv/primary.yaml"), { northwind: records["northwind"]!.profileSid });
  pin(
    join(dir, "examples/isv/brands.yaml"),
    Object.fromEntries(Object.values(records).map((r) => [r.key, r.profileSid])),
  );
}

/** One changed field in the YAML: harbor-dental's website_url gets `/new`. */
function moveHarborWebsite(): void {
  const f = join(dir, "examples/isv/brands.yaml");
  writeFileSync(
    f,
    readFileSync(f, "utf8").replace(
      "https://harbor-dental.example",
      "https://harbor-dental.example/new",
    ),
  );
}

async function config(path: string): Promise<Config> {
  const r = await loadConfig([path], { env: {}, cwd: dir });
  return r.config!;
}

/** Makes the emulator hold exactly what examples/isv declares. */
async function materializeIsv(
  statuses: Record<string, "draft" | "in-review" | "twilio-approved"> = {},
) {
  const cfg = await config("examples/isv");
  const records: Record<string, ManagedRecord> = {};
  const p = await materialize(client, controls, desiredBundle(cfg.primary!, {}), "twilio-approved");
  records[cfg.primary!.key] = p;
  for (const s of cfg.secondaries) {
    const status = statuses[s.key] ?? (s.submit ? "twilio-approved" : "draft");
    records[s.key] = await materialize(
      client,
      controls,
      desiredBundle(s, { primarySid: p.profileSid }),
      status,
    );
  }
  return records;
}

describe("trusthub plan against the emulator", () => {
  it("fresh account: the primary's Console steps, and secondaries waiting for it", async () => {
    const r = await plan("examples/isv", "--detailed-exitcode");
    expect(r.code).toBe(3);
    expect(r.out).toContain(`Trust Hub plan against the emulator at ${emu.url}`);
    expect(r.out).toMatch(
      /! primary northwind: blocked[\s\S]*Console steps[\s\S]*Create the primary customer profile in the Twilio Console \(Trust Hub > Customer Profiles\) with the friendly name "Northwind Messaging primary"/,
    );
    expect(r.out).toContain("primary profiles can only be created in the Twilio Console");
    expect(r.out.match(/! secondary \S+: blocked/g)).toHaveLength(3);
    expect(r.out).toContain(
      "Plan: 0 to create, 0 to update, 0 to adopt, 0 to submit; 0 skipped (immutable), 4 blocked, 0 unchanged.",
    );

    const ind = await plan("examples/individual", "--detailed-exitcode");
    expect(ind.code).toBe(3);
    expect(ind.out).toMatch(/photo ID[\s\S]*selfie verification/);
    const direct = await plan("examples/direct");
    expect(direct.code).toBe(0);
    expect(direct.out).toMatch(/! primary contoso-clinic: blocked/);
  });

  it("once the primary exists (Console step simulated): adopt it and create the secondaries", async () => {
    unpinIsv();
    const cfg = await config("examples/isv");
    await materialize(client, controls, desiredBundle(cfg.primary!, {}), "twilio-approved");
    const r = await plan("examples/isv", "--detailed-exitcode", "--format", "json");
    expect(r.code).toBe(2);
    const json = JSON.parse(r.out) as {
      actions: { key: string; action: string; submit: boolean; changes: unknown[] }[];
    };
    expect(json.actions.map((a) => `${a.key}:${a.action}${a.submit ? "+submit" : ""}`)).toEqual([
      "northwind:adopt",
      "bluebird-bakery:create+submit",
      "harbor-dental:create",
      "maple-fitness:create+submit",
    ]);
    expect(json.actions[0]!.changes).toEqual([]);

    const md = await plan("examples/isv", "--format", "markdown");
    expect(md.code).toBe(0);
    expect(md.out.split("\n")[0]).toBe(
      `<!-- trusthub-plan target=emulator:${env["TWILIO_ACCOUNT_SID"]} -->`,
    );
    expect(md.out.match(/<details>/g)).toHaveLength(4);
    expect(md.out).not.toContain("casey@bluebird-bakery.example");
  });

  it("holding exactly what the YAML says: empty plan, --detailed-exitcode exits 0", async () => {
    const records = await materializeIsv();
    pinIsv(records);
    const r = await plan("examples/isv", "--detailed-exitcode");
    expect(r.out).toContain("No changes. Trust Hub matches the configuration.");
    expect(r.code).toBe(0);

    // with apply's records instead of pins: the four account-wide lists and nothing else
    unpinIsv();
    pin(join(dir, "examples/isv/brands.yaml"), {});
    await controls.resetRequestLog();
    const p = await preparePlan({
      paths: ["examples/isv"],
      env,
      cwd: dir,
      readManaged: () => Promise.resolve(records),
    });
    await p.close();
    expect(p.plan.actions.map((a) => a.action)).toEqual(["no-op", "no-op", "no-op", "no-op"]);
    expect((await controls.getRequestLog()).count).toBe(4);
  });

  it("a changed field in a draft secondary: one update with exactly that field", async () => {
    const records = await materializeIsv();
    pinIsv(records);
    moveHarborWebsite();
    const r = await plan("examples/isv", "--detailed-exitcode", "--format", "json");
    expect(r.code).toBe(2);
    const json = JSON.parse(r.out) as {
      actions: { key: string; action: string; changes: unknown[] }[];
      summary: Record<string, number>;
    };
    const changed = json.actions.filter((a) => a.action !== "no-op");
    expect(changed.map((a) => [a.key, a.action, a.changes])).toEqual([
      [
        "harbor-dental",
        "update",
        [
          {
            slot: "business",
            field: "website_url",
            sensitive: false,
            before: "https://harbor-dental.example",
            after: "https://harbor-dental.example/new",
          },
        ],
      ],
    ]);
  });

  it("the same change on an in-review profile: skip, with the drift shown", async () => {
    const records = await materializeIsv({ "harbor-dental": "in-review" });
    pinIsv(records);
    moveHarborWebsite();
    const r = await plan("examples/isv", "--detailed-exitcode");
    expect(r.code).toBe(8); // drift apply cannot fix, and nothing else: not 2 (issue 16)
    expect(r.out).toContain(
      `/ secondary harbor-dental ${records["harbor-dental"]!.profileSid} [in-review]: skip\n    matched by pinned sid\n    status in-review: Trust Hub makes the profile immutable; nothing is written\n    1 field drifted from the YAML (shown, not applied)\n    ~ business.website_url: "https://harbor-dental.example" -> "https://harbor-dental.example/new"\n`,
    );
  });

  it("--out writes the JSON plan without personal values, even with --show-sensitive", async () => {
    unpinIsv();
    const cfg = await config("examples/isv");
    await materialize(client, controls, desiredBundle(cfg.primary!, {}), "twilio-approved");
    const r = await plan("examples/isv", "--show-sensitive", "--out", "out/plan.json");
    expect(r.code).toBe(0);
    expect(r.out).toContain("casey@bluebird-bakery.example");
    expect(r.err).toContain("Plan written to");
    const file = readFileSync(join(dir, "out/plan.json"), "utf8");
    expect(file).not.toContain("casey@bluebird-bakery.example");
    expect(file).not.toContain("Placeholder");
    expect(JSON.parse(file)).toMatchObject({
      format_version: 2,
      checksum: expect.stringMatching(/^sha256:/) as unknown,
    });
  });

  it("config errors exit 1 with positions and send nothing to Trust Hub", async () => {
    writeFileSync(join(dir, "bad.yaml"), "version: 1\nsecondaries:\n  - key: x\n    email: nope\n");
    await controls.resetRequestLog();
    const r = await plan("bad.yaml");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad\.yaml:\d+:\d+/);
    expect((await controls.getRequestLog()).count).toBe(0);
  });
});
