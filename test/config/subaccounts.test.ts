/**
 * The subaccount layout in config: `account.parent` names the declared
 * account holding the ISV's primary; a subaccount declares no primary; its
 * parent must be declared, top-level, and (when it declares one) hold a
 * business primary with identity isv_reseller_or_partner. Each error points
 * at file:line:col.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadAccounts } from "../../src/config/index.ts";
import { REPO, tempDir } from "./helpers.ts";

const brands = readFileSync(path.join(REPO, "examples/isv/brands.yaml"), "utf8");
const primary = readFileSync(path.join(REPO, "examples/isv/primary.yaml"), "utf8");

const env = (name: string) => name.toUpperCase().replace(/-/g, "_");
const account = (name: string, parent?: string) =>
  `account:\n  name: ${name}\n  accountSidEnv: ${env(name)}_SID\n  authTokenEnv: ${env(name)}_TOKEN\n` +
  (parent === undefined ? "" : `  parent: ${parent}\n`);
const under = (text: string, block: string) =>
  text.replace(/^version: 1\n/m, `version: 1\n${block}`);
const opts = { env: {}, cwd: REPO, now: new Date("2026-06-01T00:00:00Z") };
const where = (d: { code: string; file?: string; line?: number; column?: number }) =>
  `${d.code} ${path.basename(d.file ?? "")}:${d.line}:${d.column}`;

describe("subaccounts in config", () => {
  it("a parent with its ISV primary and subaccounts holding secondaries loads, with no warning", async () => {
    const dir = tempDir({
      "isv.yaml": under(primary, account("isv")),
      "sub-a.yaml": under(brands, account("sub-a", "isv")),
      "sub-b.yaml": under(brands, account("sub-b", "isv")),
    });
    const r = await loadAccounts([dir], opts);
    expect(r.diagnostics.filter((d) => d.code.startsWith("rule/primary"))).toEqual([]);
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(r.accounts!.map((a) => [a.account.name, a.account.parent ?? "-"])).toEqual([
      ["isv", "-"],
      ["sub-a", "isv"],
      ["sub-b", "isv"],
    ]);
  });

  it("a subaccount with a primary, an unknown parent and a nested parent are errors at their positions", async () => {
    const dir = tempDir({
      "isv.yaml": under(primary, account("isv")),
      "sub-a.yaml": under(primary, account("sub-a", "isv")),
      "sub-b.yaml": under(brands, account("sub-b", "nowhere")),
      "sub-c.yaml": under(brands, account("sub-c", "sub-a")),
    });
    const r = await loadAccounts([dir], opts);
    expect(r.accounts).toBeUndefined();
    const errors = r.diagnostics.filter((d) => d.severity === "error").map(where);
    expect(errors).toEqual([
      "rule/subaccount-primary sub-a.yaml:17:1",
      "rule/unknown-parent sub-b.yaml:10:11",
      "rule/nested-subaccount sub-c.yaml:10:11",
    ]);
    const unknown = r.diagnostics.find((d) => d.code === "rule/unknown-parent")!;
    expect(unknown.message).toContain("names parent nowhere, which no file declares");
  });

  it("a parent whose declared primary is not an ISV is an error; one without a primary a warning", async () => {
    const direct = primary.replace(
      "identity: isv_reseller_or_partner",
      "identity: direct_customer",
    );
    const bad = await loadAccounts(
      [
        tempDir({
          "isv.yaml": under(direct, account("isv")),
          "sub.yaml": under(brands, account("sub", "isv")),
        }),
      ],
      opts,
    );
    const notIsv = bad.diagnostics.find((d) => d.code === "rule/parent-not-isv")!;
    expect(where(notIsv)).toBe("rule/parent-not-isv sub.yaml:10:11");
    expect(notIsv.message).toMatch(/isv\.yaml:\d+:\d+ as direct_customer/);
    const none = await loadAccounts(
      [
        tempDir({
          "isv.yaml": "version: 1\n" + account("isv"),
          "sub.yaml": under(brands, account("sub", "isv")),
        }),
      ],
      opts,
    );
    expect(none.accounts).toBeDefined();
    expect(none.diagnostics.filter((d) => d.code.startsWith("rule/primary")).map(where)).toEqual([
      "rule/primary-undeclared sub.yaml:10:11",
    ]);
  });

  it("a subaccount declared with different parents is a conflicting account", async () => {
    const dir = tempDir({
      "isv.yaml": under(primary, account("isv")),
      "sub-1.yaml": under(brands, account("sub", "isv")),
      "sub-2.yaml": under(brands.replace(/key: /g, "key: x"), account("sub", "other")),
    });
    const r = await loadAccounts([dir], opts);
    expect(r.diagnostics.map(where)).toContain("rule/conflicting-account sub-2.yaml:10:11");
  });
});
