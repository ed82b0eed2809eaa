/**
 * `trusthub import` and `trusthub status` through the commander program,
 * in-process (src/cli/main.ts run with an injected Io): flags, output
 * streams, exit codes, and a Trust Hub profile too empty to import validly.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDuration } from "../../src/cli/commands/status.ts";
import { run } from "../../src/cli/main.ts";
import { POLICY_SIDS } from "../../src/domain/twilio.ts";
import { EXIT } from "../../src/errors.ts";
import { makeSecondary, world, type World } from "./helpers.ts";

let w: World;

async function cli(args: string[], env: Record<string, string> = w.env, cwd = w.cwd) {
  let stdout = "";
  let stderr = "";
  const code = await run(["node", "trusthub", ...args], {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env,
    cwd,
    isTTY: false,
  });
  return { code, stdout, stderr };
}

beforeAll(async () => {
  w = await world();
  const p = await w.ctl.createPrimary({ friendlyName: "Cli primary", status: "twilio-approved" });
  await makeSecondary(w.client, p.sid, { friendlyName: "Cli Brand", email: "c@x.example" });
});
afterAll(() => w.close());

describe("trusthub import (CLI)", () => {
  it("prints the YAML on stdout and the summary, with the personal-data warning, on stderr", async () => {
    const r = await cli(["import", "--env-out", "stdout.env"]);
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout.split("\n")[0]).toMatch(/^# yaml-language-server: \$schema=/);
    expect(r.stdout).toContain("key: cli-brand");
    expect(r.stderr).toMatch(
      /^Target: emulator http:\S+ \(account AC\w+\); state: stack AC\w+ in file:\S+\n/,
    );
    expect(r.stderr).toMatch(/Imported 1 primary and 1 secondary\./);
    expect(r.stderr).toMatch(/personal values written to stdout\.env \(mode 0600\)/);
    expect(r.stderr).toMatch(/do not commit it/);
    expect(r.stderr).not.toMatch(/jane\.doe|\+1202555/);
  });

  it("exits 1 with diagnostics when what Trust Hub holds does not make valid YAML, keeping the files", async () => {
    await w.client.trusthub.v1.customerProfiles.create({
      friendlyName: "Hollow Brand",
      email: "h@x.example",
      policySid: POLICY_SIDS.secondary,
    });
    const r = await cli(["import", "--out", "conf/all.yaml"]);
    expect(r.code).toBe(EXIT.error);
    expect(r.stderr).toMatch(
      /warning: hollow-brand \(BU\w+\): no business information, authorized representative 1, address assigned/,
    );
    expect(r.stderr).toMatch(
      /conf\/all\.yaml:\d+:\d+: error env\/missing: environment variable TRUSTHUB_HOLLOW_BRAND_REP1_EMAIL is empty/,
    );
    expect(r.stderr).toMatch(/does not validate yet/);
    expect(existsSync(join(w.cwd, "conf/all.yaml"))).toBe(true);
    expect(readFileSync(join(w.cwd, "conf/all.env"), "utf8")).toContain(
      "#   set -a; . conf/all.env; set +a\n",
    );
    expect(readFileSync(join(w.cwd, "conf/all.yaml"), "utf8")).toContain(
      "their values are in conf/all.env (do not commit it)",
    );
    expect(readFileSync(join(w.cwd, "conf/all.env"), "utf8")).toMatch(
      /^TRUSTHUB_HOLLOW_BRAND_EMAIL=h@x\.example$/m,
    );
    const again = await cli(["import", "--out", "conf/all.yaml"]);
    expect(again.code).toBe(EXIT.error);
    expect(again.stderr).toMatch(/conf\/all\.yaml already exists.*--force/);
    expect((await cli(["import", "--out", "conf/all.yaml", "--force"])).stderr).not.toMatch(
      /already exists/,
    );
  });
});

describe("trusthub import and git", () => {
  it("warns when git would not ignore the env file, and not once it does", async () => {
    mkdirSync(join(w.cwd, "repo"));
    execFileSync("git", ["init", "-q"], { cwd: join(w.cwd, "repo") });
    const a = await cli(["import", "--out", "repo/trusthub.yaml"]);
    expect(a.stderr).toMatch(
      /warning: git does not ignore repo\/trusthub\.env: add it to \.gitignore before you commit/,
    );
    writeFileSync(join(w.cwd, "repo/.gitignore"), "*.env\n");
    const b = await cli(["import", "--out", "repo/trusthub.yaml", "--force"]);
    expect(b.stderr).not.toMatch(/git does not ignore/);
    const c = await cli(["import", "--out", "outside.yaml"]);
    expect(c.stderr).not.toMatch(/git does not ignore/);
  });
});

describe("trusthub status (CLI)", () => {
  it("--format json prints the report on stdout and exits 0", async () => {
    const r = await cli(["status", "--format", "json"]);
    expect(r.code).toBe(EXIT.ok);
    const json = JSON.parse(r.stdout) as {
      profiles: { friendlyName: string; status: string }[];
      exit_code: number;
    };
    expect(json.exit_code).toBe(0);
    expect(json.profiles.map((p) => p.friendlyName)).toEqual([
      "Cli primary",
      "Cli Brand",
      "Hollow Brand",
    ]);
  });

  it("text by default", async () => {
    const r = await cli(["status"]);
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout).toMatch(/^Trust Hub status: emulator http:/);
    expect(r.stdout).toMatch(/3 profiles: 1 twilio-approved, 2 draft\./);
  });

  it("refuses --timeout without --wait, and a bad duration", async () => {
    const a = await cli(["status", "--timeout", "5m"]);
    expect(a.code).toBe(EXIT.error);
    expect(a.stderr).toMatch(/--timeout needs --wait/);
    const b = await cli(["status", "--wait", "--timeout", "5 minutes"]);
    expect(b.code).toBe(EXIT.error);
    expect(b.stderr).toMatch(/expected a duration such as 30m/);
  });

  it("parses durations", () => {
    expect(parseDuration("30m")).toBe(1_800_000);
    expect(parseDuration("90s")).toBe(90_000);
    expect(parseDuration("1h30m")).toBe(5_400_000);
    expect(parseDuration("500ms")).toBe(500);
    expect(parseDuration("45")).toBe(45_000);
    for (const bad of ["", "0s", "m", "10x", "1h 30m", "-5s"])
      expect(() => parseDuration(bad)).toThrow();
  });

  it("help lists both commands", async () => {
    const r = await cli(["--help"]);
    expect(r.stdout).toMatch(/^\s+import \[options\]/m);
    expect(r.stdout).toMatch(/^\s+status \[options\] \[path\.\.\.\]/m);
  });
});

describe("read-only commands and the embedded sandbox", () => {
  it("status and import refuse without credentials unless --sandbox, creating nothing", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "trusthub-nocreds-"));
    for (const args of [["status"], ["import", "--out", "t.yaml"]]) {
      const r = await cli(args, {}, cwd);
      expect(r.code).toBe(EXIT.error);
      expect(r.stderr).toMatch(/no Twilio credentials are set: set TWILIO_ACCOUNT_SID .*--sandbox/);
      expect(existsSync(join(cwd, ".trusthub"))).toBe(false);
    }
  });

  it("--sandbox reads the embedded sandbox and names it", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "trusthub-sandbox-"));
    const s = await cli(["status", "--sandbox"], {}, cwd);
    expect(s.code).toBe(EXIT.ok);
    expect(s.stderr).toMatch(
      /^Target: embedded sandbox \.trusthub\/sandbox\.json \(account AC\w+\); state: stack sandbox in file:/,
    );
    expect(s.stdout).toMatch(/No customer profiles\./);
    const i = await cli(["import", "--sandbox", "--out", "t.yaml"], {}, cwd);
    expect(i.code).toBe(EXIT.ok);
    expect(i.stderr).toMatch(/Imported 0 primaries and 0 secondaries into t\.yaml\./);
  });

  it("--sandbox with credentials set, and conflicting credentials, are refused", async () => {
    const both = await cli(["status", "--sandbox"]);
    expect(both.code).toBe(EXIT.error);
    expect(both.stderr).toMatch(
      /--sandbox asks for the embedded sandbox, but Twilio credentials are set/,
    );
    const conflicting = { ...w.env, TWILIO_API_KEY: "SKx", TWILIO_API_SECRET: "secret-canary" };
    for (const args of [["status"], ["import"]]) {
      const r = await cli(args, conflicting);
      expect(r.code).toBe(EXIT.error);
      expect(r.stderr).toMatch(/both TWILIO_AUTH_TOKEN and an API key/);
      expect(r.stderr).not.toContain("secret-canary");
    }
    const url = await cli(["status"], { ...w.env, TRUSTHUB_API_URL: "localhost:4010" });
    expect(url.code).toBe(EXIT.error);
    expect(url.stderr).toMatch(/TRUSTHUB_API_URL must be an http or https URL/);
  });
});
