/**
 * Twilio's ISV guidance in the language: the ISV's own notification email and
 * status callback as account defaults for every secondary, and a warning when
 * a secondary's email is at the brand's own website domain.
 */
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.ts";
import { PRIMARY_ONLY, SECONDARIES_ONLY } from "../fixtures/fixture-bases.ts";
import { edit } from "../fixtures/fixture-kit.ts";
import { pos, tempDir } from "./helpers.ts";

const DEFAULTS =
  "defaults:\n  notificationEmail: trusthub-ops@isv.example\n  statusCallback: https://isv.example/status\n";
const OWN_EMAIL = "    email: brand-3@isv-ops.example\n";
const withDefaults = (text: string) => edit(text, "version: 1\n", `version: 1\n${DEFAULTS}`);

async function load(files: Record<string, string>) {
  return loadConfig(["."], { cwd: tempDir(files), env: {} });
}

describe("ISV defaults", () => {
  it("a secondary without email or callback uses the ISV's defaults (from another file too)", async () => {
    const r = await load({
      "a.yaml": withDefaults(PRIMARY_ONLY),
      "b.yaml": edit(SECONDARIES_ONLY, OWN_EMAIL, ""),
    });
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(r.config?.secondaries[0]).toMatchObject({
      email: "trusthub-ops@isv.example",
      statusCallback: "https://isv.example/status",
    });
    // The primary keeps its own (it is made in the Console).
    expect(r.config?.primary?.statusCallback).toBe("");
  });

  it("a secondary's own email and callback win over the defaults", async () => {
    const own = edit(
      withDefaults(SECONDARIES_ONLY),
      OWN_EMAIL,
      `${OWN_EMAIL}    statusCallback: https://other.example/cb\n`,
    );
    const r = await load({ "b.yaml": own });
    expect(r.config?.secondaries[0]).toMatchObject({
      email: "brand-3@isv-ops.example",
      statusCallback: "https://other.example/cb",
    });
  });

  it("no email and no defaults.notificationEmail: an error at the secondary", async () => {
    const text = edit(SECONDARIES_ONLY, OWN_EMAIL, "");
    const r = await load({ "b.yaml": text });
    expect(r.config).toBeUndefined();
    expect(r.diagnostics).toMatchObject([
      { code: "rule/missing-email", severity: "error", ...pos(text, "key: brand-3") },
      { code: "rule/primary-undeclared" },
    ]);
  });

  it("a secondary email at the brand's website domain: warning at the email", async () => {
    const text = edit(SECONDARIES_ONLY, OWN_EMAIL, "    email: owner@www.brand-3.example\n");
    const r = await load({ "a.yaml": PRIMARY_ONLY, "b.yaml": text });
    expect(r.config).toBeDefined();
    expect(r.diagnostics).toMatchObject([
      {
        code: "rule/brand-owner-email",
        severity: "warning",
        file: "b.yaml",
        ...pos(text, "owner@www.brand-3.example"),
      },
    ]);
    expect(r.diagnostics[0]?.message).not.toContain("owner@");
  });

  it("defaults are checked and must agree across files", async () => {
    const bad = edit(withDefaults(PRIMARY_ONLY), "trusthub-ops@isv.example", "not-an-email");
    const r1 = await load({ "a.yaml": bad });
    expect(r1.diagnostics).toMatchObject([{ code: "rule/email", ...pos(bad, "not-an-email") }]);
    const other = edit(withDefaults(SECONDARIES_ONLY), "trusthub-ops@isv.example", "x@isv.example");
    const r2 = await load({ "a.yaml": withDefaults(PRIMARY_ONLY), "b.yaml": other });
    expect(r2.diagnostics).toMatchObject([
      { code: "rule/conflicting-defaults", file: "b.yaml", ...pos(other, "x@isv.example") },
    ]);
  });
});
