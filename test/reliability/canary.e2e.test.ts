/**
 * Personal data and credentials never leak. Unique canary values sit in every
 * personal field of a secondary (and of an individual primary, planned only),
 * and the account's auth token is a canary too (a fresh emulator account made
 * through the sandbox controls). Plan in every format, a saved plan, apply
 * with every debug switch we know (TRUSTHUB_DEBUG, TWILIO_LOG_LEVEL=debug),
 * status, error paths (a refused profile, a bad config), the Pulumi state and
 * everything else under the working directory, and the emulator's request log
 * are then searched for every canary. `--show-sensitive` shows the personal
 * canaries (so the test can fail).
 */
import { randomBytes, randomInt } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { EXIT } from "../../src/errors.ts";
import { readManaged } from "../../src/state/pulumi-state.ts";
import { cli, secondariesYaml, startWorld, type World } from "./world.ts";

const tag = randomBytes(4).toString("hex");
const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join("");
const P = {
  profileEmail: `pe${tag}@canary.example`,
  registration: `9${digits(8)}`,
  customerName: `Cust${tag} Holdings`,
  street: `${randomInt(100, 999)} Street${tag} Road`,
  street2: `Suite${tag}`,
  postalCode: `6060${randomInt(10)}-${digits(4)}`,
  first1: `Firsta${tag}`,
  last1: `Lasta${tag}`,
  email1: `ra${tag}@canary.example`,
  phone1: `3125550${digits(3)}`,
  first2: `Firstb${tag}`,
  last2: `Lastb${tag}`,
  email2: `rb${tag}@canary.example`,
  phone2: `3125550${digits(3)}`,
  birth: `19${randomInt(50, 99)}-0${randomInt(1, 9)}-1${randomInt(0, 9)}`,
  profileName: `Pname${tag}`,
};
const TOKEN = `tok${randomBytes(14).toString("hex")}`;
const SID = `AC${randomBytes(16).toString("hex")}`;

let w: World;
const outputs: string[] = [];

function canaryYaml(): string {
  return secondariesYaml(1, false)
    .replace("owner-0000@brand.example", P.profileEmail)
    .replace('"987650000"', `"${P.registration}"`)
    .replace("customerName: Brand 0000 LLC", `customerName: ${P.customerName}`)
    .replace("street: 1 Sample Street", `street: ${P.street}\n      street2: ${P.street2}`)
    .replace('postalCode: "60601"', `postalCode: "${P.postalCode}"`)
    .replace(
      "firstName: Casey, lastName: Owner0000, email: casey-0000@brand.example",
      `firstName: ${P.first1}, lastName: ${P.last1}, email: ${P.email1}`,
    )
    .replace('phone: "+13125550142"', `phone: "+1${P.phone1}"`)
    .replace(
      "firstName: Riley, lastName: Manager0000, email: riley-0000@brand.example",
      `firstName: ${P.first2}, lastName: ${P.last2}, email: ${P.email2}`,
    )
    .replace('phone: "+13125550143"', `phone: "+1${P.phone2}"`);
}

const individualYaml = () =>
  readFileSync(join(import.meta.dirname, "../../examples/individual/trusthub.yaml"), "utf8")
    .replace("pat@personal.example", P.profileEmail)
    .replace("email: pat@personal.example", `email: ${P.email1}`)
    .replace('"+12025550147"', `"+1${P.phone1}"`)
    .replace("firstName: Pat", `firstName: ${P.first1}`)
    .replace("lastName: Example", `lastName: ${P.last1}`)
    .replace('"1984-06-15"', `"${P.birth}"`)
    .replace("profileName: Pat Example consulting", `profileName: ${P.profileName}`);

const run = async (args: string[], env: Record<string, string> = {}) => {
  const r = await cli(args, w, { TRUSTHUB_DEBUG: "1", TWILIO_LOG_LEVEL: "debug", ...env }).done;
  outputs.push(`$ ${args.join(" ")}\n${r.stdout}\n${r.stderr}`);
  return r;
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map((f) => join(dir, String(f)))
    .filter((f) => statSync(f).isFile());
}

beforeAll(async () => {
  w = await startWorld({ token: TOKEN, sid: SID });
  writeFileSync(join(w.dir, "brands.yaml"), canaryYaml());
}, 60_000);

afterAll(async () => {
  await w?.close();
});

it("no personal canary or auth-token canary in any output, file, state or log", async () => {
  // Control: the canaries are really planted and reach the planner (shown only when asked).
  const shown = await cli(["plan", w.dir, "--show-sensitive"], w).done;
  for (const v of [P.first1, P.email1, P.street, P.registration]) expect(shown.stdout).toContain(v);
  const plan = join(w.cwd, "plan.json");
  for (const format of ["text", "json", "markdown"]) {
    expect((await run(["plan", w.dir, "--format", format])).code).toBe(EXIT.ok);
  }
  expect((await run(["plan", w.dir, "--out", plan])).code).toBe(EXIT.ok);
  const applied = await run(["apply", w.dir, "--plan", plan, "--auto-approve"]);
  expect(applied.stdout).toMatch(/0 failed/);
  expect(applied.code).toBe(EXIT.ok);
  await run(["status", w.dir]);
  // Error paths: a profile refused by the guard, an apply without approval, a bad config.
  const rec = (await readManaged({ env: w.env, cwd: w.cwd, target: w.conn.target }))["brand-0000"]!;
  writeFileSync(join(w.dir, "brands.yaml"), canaryYaml().replace(P.street2, `${P.street2}b`));
  w.hooks.add((e) => {
    if (e.method === "GET" && e.path === `/v1/CustomerProfiles/${rec.profileSid}`) {
      w.hooks.clear();
      void w.ctl.setStatus(rec.profileSid, "in-review");
    }
  });
  await w.ctl.setFaults({ latencyMs: 300 }); // the flip lands before the guard's own read
  const refused = await run(["apply", w.dir, "--auto-approve"]);
  expect(refused.code).toBe(EXIT.partial);
  await w.ctl.resetFaults();
  expect((await run(["apply", w.dir, "--plan", plan])).code).toBe(EXIT.stalePlan);
  const bad = join(w.cwd, "bad");
  const { mkdirSync } = await import("node:fs");
  mkdirSync(bad);
  writeFileSync(join(bad, "t.yaml"), canaryYaml().replace(P.email1, `${P.email1} x`));
  expect((await run(["plan", bad])).code).toBe(EXIT.error);
  writeFileSync(join(bad, "t.yaml"), individualYaml());
  for (const format of ["text", "json", "markdown"]) await run(["plan", bad, "--format", format]);

  // Everything the tool left: Pulumi state, backups, history, workspace, plan file.
  const files = filesUnder(w.cwd).filter((f) => !f.startsWith(bad));
  expect(files.some((f) => f.includes(join(".pulumi", "stacks")))).toBe(true);
  const log = JSON.stringify(await w.ctl.getRequestLog());
  const haystack = [
    ...outputs.map((o, i) => [`output ${i}`, o] as const),
    ...files.map((f) => [f, readFileSync(f, "latin1")] as const),
    ["request log", log] as const,
  ];
  const basic = Buffer.from(`${SID}:${TOKEN}`).toString("base64");
  const needles = [...Object.values(P), TOKEN, basic];
  const leaks = haystack.flatMap(([where, text]) =>
    needles.filter((n) => text.includes(n)).map((n) => `${n} in ${where}`),
  );
  expect(leaks).toEqual([]);
  // The state holds no bundle at all (issue 15), not even encrypted: their digests only. The
  // bundles' hand-off file (.trusthub/handoff/) is gone with the run (else it was searched above).
  const state = readFileSync(
    files.find((f) => f.endsWith(`stacks/trusthub/${SID}.json`))!,
    "utf8",
  );
  expect(state).toContain('"digest"');
  expect(state).not.toContain("ciphertext");
}, 180_000);
