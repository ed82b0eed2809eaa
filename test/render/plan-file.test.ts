/**
 * parsePlanFile: the one parser of saved plan files, the one `apply --plan`
 * uses (src/workflow/apply.ts savedChecksum). Files are made by the same
 * renderers `trusthub plan --out` uses.
 */
import { describe, expect, it } from "vitest";
import { PLAN_FORMAT_VERSION, type Plan } from "../../src/model/plan.ts";
import { summarize } from "../../src/plan/build.ts";
import { renderAccountsJson } from "../../src/render/accounts.ts";
import { parsePlanFile, renderJson } from "../../src/render/json.ts";

function plan(checksumDigit: string): Plan {
  return {
    format_version: PLAN_FORMAT_VERSION,
    target: { kind: "sandbox", url: "http://127.0.0.1:1", accountSid: "AC" + "0".repeat(32) },
    actions: [
      {
        key: "brand",
        kind: "secondary",
        action: "create",
        reasons: ["new"],
        changes: [],
        submit: true,
        consoleSteps: [],
        notes: [],
      },
    ],
    summary: summarize([]),
    checksum: "sha256:" + checksumDigit.repeat(64),
    fingerprints: {},
  };
}

describe("parsePlanFile", () => {
  it("reads a single plan back with no account, sid and status absent (not null)", () => {
    const [one, ...rest] = parsePlanFile(renderJson(plan("a")));
    expect(rest).toEqual([]);
    expect(one!.account).toBeUndefined();
    expect(one!.plan.checksum).toBe("sha256:" + "a".repeat(64));
    expect(renderJson(one!.plan)).toBe(renderJson(plan("a")));
    expect("sid" in one!.plan.actions[0]!).toBe(false);
  });

  it("reads the plans of several accounts with their names", () => {
    const text = renderAccountsJson([
      { name: "default", plan: plan("a"), warning: "" },
      { name: "eu", plan: plan("b"), warning: "" },
    ]);
    const got = parsePlanFile(text).map((p) => [p.account, p.plan.checksum.slice(7, 8)]);
    expect(got).toEqual([
      ["default", "a"],
      ["eu", "b"],
    ]);
  });

  it.each([
    ["not JSON", "{", /JSON/],
    [
      "another format",
      JSON.stringify({ ...plan("a"), format_version: 3 }),
      /format_version 1 or 2/,
    ],
    ["no checksum", JSON.stringify({ ...plan("a"), checksum: undefined }), /no checksum/],
    ["a malformed checksum", JSON.stringify({ ...plan("a"), checksum: "md5:1" }), /no checksum/],
    ["actions not a list", JSON.stringify({ ...plan("a"), actions: {} }), /actions/],
    [
      "an account without a name",
      JSON.stringify({ format_version: 1, accounts: [{ plan: plan("a") }] }),
      /accounts\[0\] has no account name/,
    ],
    [
      "an account whose plan has no checksum",
      JSON.stringify({ format_version: 1, accounts: [{ account: "eu", plan: {} }] }),
      /accounts\[0\]\.plan: not a trusthub plan/,
    ],
  ])("refuses %s", (_name, text, message) => {
    expect(() => parsePlanFile(text)).toThrow(message);
  });
});
