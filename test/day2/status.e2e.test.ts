/**
 * `trusthub status` against the emulator: live statuses, rejection codes with
 * their meaning, the last evaluation's failures by field, read-only (GETs
 * only), declared mode through the YAML, and --wait with automatic review,
 * a rejection and a timeout.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POLICY_SIDS } from "../../src/domain/twilio.ts";
import { EXIT } from "../../src/errors.ts";
import { renderStatusJson, renderStatusText, statusExitCode } from "../../src/render/status.ts";
import { runImport } from "../../src/workflow/import.ts";
import { runStatus, type Backoff } from "../../src/workflow/status.ts";
import { makeSecondary, readEnvFile, world, type World } from "./helpers.ts";
import { join } from "node:path";

const FAST: Backoff = { initialMs: 40, factor: 1.5, maxMs: 150 };

/** `runStatus` with `wait` over the whole account of `w`, polling FAST; `more` adds the rest. */
function waitStatus(w: World, more: Partial<Parameters<typeof runStatus>[0]>) {
  return runStatus({ paths: [], env: w.env, cwd: w.cwd, wait: true, backoff: FAST, ...more });
}

const noState = () => Promise.resolve({});

describe("status (no review automation)", () => {
  let w: World;
  let primary: string;
  let rejected: string;
  let draft: string;
  let broken: string;
  beforeAll(async () => {
    w = await world();
    primary = (
      await w.ctl.createPrimary({ friendlyName: "Acme primary", status: "twilio-approved" })
    ).sid;
    rejected = await makeSecondary(w.client, primary, {
      friendlyName: "Rejected Brand",
      email: "r@x.example",
    });
    draft = await makeSecondary(w.client, primary, {
      friendlyName: "Draft Brand",
      email: "d@x.example",
    });
    await w.client.trusthub.v1.customerProfiles(rejected).update({ status: "pending-review" });
    await w.ctl.reject(rejected, [18604, 22215, 99999]);
    // A draft with no end users at all, evaluated once (the evaluation is what status reads).
    const p = await w.client.trusthub.v1.customerProfiles.create({
      friendlyName: "Empty Brand",
      email: "e@x.example",
      policySid: POLICY_SIDS.secondary,
    });
    broken = p.sid;
    await w.client.trusthub.v1
      .customerProfiles(broken)
      .customerProfilesEvaluations.create({ policySid: POLICY_SIDS.secondary });
  });
  afterAll(() => w.close());

  it("lists every live profile with status, rejection meanings and evaluation failures, reading only", async () => {
    await w.ctl.resetRequestLog();
    const report = await runStatus({ paths: [], env: w.env, cwd: w.cwd });
    const log = await w.ctl.getRequestLog();
    expect(log.requests.filter((r) => r.method !== "GET")).toEqual([]);
    expect(report.profiles.map((p) => [p.friendlyName, p.kind, p.status])).toEqual([
      ["Acme primary", "primary-business", "twilio-approved"],
      ["Draft Brand", "secondary", "draft"],
      ["Empty Brand", "secondary", "draft"],
      ["Rejected Brand", "secondary", "twilio-rejected"],
    ]);
    const rej = report.profiles.find((p) => p.sid === rejected)!;
    expect(rej.rejection.map((r) => r.code)).toEqual([18604, 22215, 99999]);
    expect(rej.rejection[0]!.meaning).toMatch(/authorized representative #1/);
    expect(rej.rejection[2]!.meaning).toMatch(/twilio\.com\/docs\/api\/errors\/99999/);
    const empty = report.profiles.find((p) => p.sid === broken)!;
    expect(empty.evaluation?.status).toBe("noncompliant");
    expect(empty.evaluation?.failures.map((f) => f.code)).toContain(22214);
    expect(report.profiles.find((p) => p.sid === draft)!.evaluation).toBeUndefined();
    expect(statusExitCode(report)).toBe(EXIT.ok);

    const text = renderStatusText(report, { color: false });
    expect(text).toMatch(/Rejected Brand".*twilio-rejected/);
    expect(text).toContain("rejected: 18604 Twilio could not verify authorized representative #1");
    expect(text).toMatch(/last evaluation EL\w{32} .*: noncompliant/);
    expect(text).toContain("4 profiles: 1 twilio-approved, 1 twilio-rejected, 2 draft.");
    const json = JSON.parse(renderStatusJson(report)) as Record<string, unknown>;
    expect(json["summary"]).toMatchObject({ "twilio-approved": 1, draft: 2, "twilio-rejected": 1 });
  });

  it("the newest evaluation wins", async () => {
    const th = w.client.trusthub.v1;
    const assignments = th.customerProfiles(draft).customerProfilesEntityAssignments;
    const reps = await th.endUsers.list({ pageSize: 100 });
    const all = await assignments.list({ pageSize: 100 });
    const rep = all.find((a) =>
      reps.some((u) => u.sid === a.objectSid && u.type === "authorized_representative_1"),
    )!;
    await assignments(rep.sid).remove();
    await th.customerProfiles(draft).customerProfilesEvaluations.create({
      policySid: POLICY_SIDS.secondary,
    });
    const before = await runStatus({ paths: [], env: w.env, cwd: w.cwd });
    expect(before.profiles.find((p) => p.sid === draft)!.evaluation).toMatchObject({
      status: "noncompliant",
      failures: [
        expect.objectContaining({ objectType: "authorized_representative_1", code: 22214 }),
      ],
    });
    await assignments.create({ objectSid: rep.objectSid });
    await th.customerProfiles(draft).customerProfilesEvaluations.create({
      policySid: POLICY_SIDS.secondary,
    });
    const after = await runStatus({ paths: [], env: w.env, cwd: w.cwd });
    expect(after.profiles.find((p) => p.sid === draft)!.evaluation).toMatchObject({
      status: "compliant",
      failures: [],
    });
  });

  it("with paths, shows declared profiles by key", async () => {
    // An empty profile cannot be imported into valid YAML (test/day2/cli.test.ts covers that).
    await w.client.trusthub.v1.customerProfiles(broken).remove();
    await runImport({ env: w.env, cwd: w.cwd, out: "trusthub.yaml", readManaged: noState });
    const vars = readEnvFile(join(w.cwd, "trusthub.env"));
    const report = await runStatus({
      paths: ["trusthub.yaml"],
      env: { ...w.env, ...vars },
      cwd: w.cwd,
      readManaged: noState,
    });
    expect(report.profiles.map((p) => [p.key, p.status])).toEqual([
      ["acme-primary", "twilio-approved"],
      ["draft-brand", "draft"],
      ["rejected-brand", "twilio-rejected"],
    ]);
  });

  it("--wait returns 6 when a submitted profile is rejected, and 1 on timeout", async () => {
    await w.client.trusthub.v1.customerProfiles(draft).update({ status: "pending-review" });
    const lines: string[] = [];
    setTimeout(() => void w.ctl.reject(draft, [18601]), 150);
    const report = await waitStatus(w, {
      timeoutMs: 20_000,
      onProgress: (l) => lines.push(l),
    });
    expect(report.wait?.timedOut).toBe(false);
    expect(lines).toEqual([`"Draft Brand" ${draft}: pending-review -> twilio-rejected`]);
    expect(statusExitCode(report)).toBe(EXIT.partial);

    const again = await makeSecondary(w.client, primary, {
      friendlyName: "Slow Brand",
      email: "s@x.example",
    });
    await w.client.trusthub.v1.customerProfiles(again).update({ status: "pending-review" });
    const timed = await waitStatus(w, {
      timeoutMs: 300,
    });
    expect(timed.wait).toMatchObject({ timedOut: true });
    expect(statusExitCode(timed)).toBe(EXIT.error);
    expect(renderStatusText(timed, { color: false })).toMatch(
      /Timed out after 0s \(\d+ polls\): 1 profile is still waiting for Twilio's review\./,
    );
  });
});

describe("status --wait with automatic review", () => {
  let w: World;
  beforeAll(async () => {
    w = await world({ reviewDelayMs: 120 });
  });
  afterAll(() => w.close());

  it("returns 0 once the review approves every submitted profile", async () => {
    const primary = (await w.ctl.createPrimary({ friendlyName: "Auto primary" })).sid;
    const lines: string[] = [];
    const report = await waitStatus(w, {
      timeoutMs: 20_000,
      onProgress: (l) => lines.push(l),
    });
    expect(report.profiles.map((p) => [p.sid, p.status])).toEqual([[primary, "twilio-approved"]]);
    expect(lines.at(-1)).toMatch(/-> twilio-approved$/);
    expect(report.wait?.polls).toBeGreaterThan(0);
    expect(statusExitCode(report)).toBe(EXIT.ok);
  });

  it("keeps waiting through failed polls (5xx) and says so", async () => {
    const s = await makeSecondary(
      w.client,
      (await w.ctl.createPrimary({ friendlyName: "P2", status: "twilio-approved" })).sid,
      {
        friendlyName: "Flaky Brand",
        email: "f@x.example",
      },
    );
    await w.client.trusthub.v1.customerProfiles(s).update({ status: "pending-review" });
    // Faults on for the first two polls only (the initial read must succeed).
    let sleeps = 0;
    const sleep = async (ms: number) => {
      sleeps += 1;
      if (sleeps === 1) await w.ctl.setFaults({ rate5xx: 1, status5xx: 503 });
      if (sleeps === 3) await w.ctl.resetFaults();
      await new Promise((r) => setTimeout(r, ms));
    };
    const lines: string[] = [];
    const report = await waitStatus(w, {
      timeoutMs: 20_000,
      sleep,
      onProgress: (l) => lines.push(l),
    }).catch(async (e: unknown) => {
      await w.ctl.resetFaults();
      throw e;
    });
    expect(
      lines.some((l) =>
        /GET \/v1\/CustomerProfiles: Trust Hub answered 503.*polling again/.test(l),
      ),
    ).toBe(true);
    expect(report.profiles.find((p) => p.sid === s)?.status).toBe("twilio-approved");
    expect(statusExitCode(report)).toBe(EXIT.ok);
  });
});
