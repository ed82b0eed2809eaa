/**
 * Pure status rendering and exit codes: golden text and JSON for a report
 * with every status, a rejection, an evaluation and a wait; Twilio's errors
 * array and evaluation results turned into codes and failures by field.
 * `npm run test:update-goldens` rewrites the golden files; a missing one fails.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXIT } from "../../src/errors.ts";
import { expectGolden } from "../helpers/golden.ts";
import {
  codeMeaning,
  duration,
  evaluationFailures,
  rejectionCodes,
  renderStatusJson,
  renderStatusText,
  statusExitCode,
  type StatusReport,
} from "../../src/render/status.ts";

const GOLDEN = join(import.meta.dirname, "golden");

function golden(name: string, actual: string): void {
  expectGolden(join(GOLDEN, name), actual);
}

const report: StatusReport = {
  format_version: 1,
  target: { kind: "twilio", url: "https://trusthub.twilio.com", accountSid: `AC${"a".repeat(32)}` },
  profiles: [
    {
      key: "acme",
      sid: `BU${"1".repeat(32)}`,
      friendlyName: "Acme",
      kind: "primary-business",
      status: "twilio-approved",
      validUntil: "2027-11-22T08:00:00Z",
      rejection: [],
    },
    {
      key: "bluebird-bakery",
      sid: `BU${"2".repeat(32)}`,
      friendlyName: "Bluebird Bakery",
      kind: "secondary",
      status: "twilio-rejected",
      validUntil: null,
      rejection: rejectionCodes([{ code: 18604 }, { code: "22215" }, "junk", null]),
      evaluation: {
        sid: `EL${"3".repeat(32)}`,
        status: "noncompliant",
        dateCreated: "2026-11-20T10:00:00Z",
        failures: evaluationFailures([
          {
            requirement_name: "business_info",
            object_type: "customer_profile_business_information",
            passed: true,
            invalid: [],
          },
          {
            requirement_name: "authorized_representative_1",
            object_type: "authorized_representative_1",
            passed: false,
            error_code: 22215,
            failure_reason: "Phone +13125550142 is invalid",
            invalid: [{ object_field: "phone_number", error_code: 22215, failure_reason: "x" }],
          },
          {
            requirement_name: "customer_profile_address",
            object_type: "customer_profile_address",
            passed: false,
            error_code: 22216,
            invalid: [],
          },
        ]),
      },
    },
    {
      key: "cedar",
      sid: `BU${"4".repeat(32)}`,
      friendlyName: "Cedar",
      kind: "secondary",
      status: "in-review",
      validUntil: null,
      rejection: [],
    },
    {
      key: "harbor",
      friendlyName: "Harbor",
      kind: "secondary",
      status: "missing",
      validUntil: null,
      rejection: [],
      note: "not in Trust Hub yet (see `trusthub plan`)",
    },
  ],
  wait: { timedOut: true, seconds: 1805, polls: 31 },
};

describe("status rendering", () => {
  it("text (golden), with no personal value and no free-text reason from Twilio", () => {
    const text = renderStatusText(report, { color: false });
    golden("status.txt", text);
    expect(text).not.toContain("+13125550142");
  });

  it("json (golden) carries the summary and the exit code", () => {
    const json = renderStatusJson(report);
    golden("status.json", json);
    expect(JSON.parse(json)).toMatchObject({ exit_code: 1, summary: { missing: 1 } });
  });

  it("colours only when asked", () => {
    expect(renderStatusText(report, { color: false })).not.toContain("\u001b[");
    expect(renderStatusText(report, { color: true })).toContain("\u001b[31mtwilio-rejected");
  });

  it("exit codes: 0 without --wait, 1 timeout, 6 any rejected, 0 all approved", () => {
    const noWait: StatusReport = { ...report };
    delete noWait.wait;
    expect(statusExitCode(noWait)).toBe(EXIT.ok);
    expect(statusExitCode(report)).toBe(EXIT.error);
    const done = { ...report, wait: { timedOut: false, seconds: 3, polls: 1 } };
    expect(statusExitCode(done)).toBe(EXIT.partial);
    const approved = {
      ...done,
      profiles: report.profiles.filter((p) => p.status !== "twilio-rejected"),
    };
    expect(statusExitCode(approved)).toBe(EXIT.ok);
  });

  it("code meanings and durations", () => {
    expect(codeMeaning(22219)).toMatch(/address is missing/);
    expect(codeMeaning(12345)).toBe(
      "no description known to trusthub; see https://www.twilio.com/docs/api/errors/12345",
    );
    expect([duration(0.2), duration(59), duration(61), duration(3600 * 2 + 60)]).toEqual([
      "0s",
      "59s",
      "1m01s",
      "2h01m",
    ]);
  });
});
