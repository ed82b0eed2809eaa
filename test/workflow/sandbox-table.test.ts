/** `trusthub sandbox status`'s tables: profiles, then trust products (issue 14). */
import { describe, expect, it } from "vitest";
import { sandboxTables } from "../../src/workflow/sandbox-table.ts";

const sid = (n: number) => `BU${String(n).padStart(32, "0")}`;

describe("sandboxTables", () => {
  it("lists the profiles, then the trust products under their own heading", () => {
    const out = sandboxTables(
      [{ key: "acme", sid: sid(1), status: "twilio-approved", friendlyName: "Acme" }],
      [
        { key: "acme/a2p-messaging", sid: sid(2), status: "draft", friendlyName: "Acme A2P" },
        { key: "-", sid: sid(3), status: "in-review", friendlyName: "Made by hand" },
      ],
    );
    expect(out).toBe(
      [
        `KEY   SID                                 STATUS           FRIENDLY NAME`,
        `acme  ${sid(1)}  twilio-approved  Acme`,
        ``,
        `Trust products:`,
        `KEY                 SID                                 STATUS     FRIENDLY NAME`,
        `acme/a2p-messaging  ${sid(2)}  draft      Acme A2P`,
        `-                   ${sid(3)}  in-review  Made by hand`,
        ``,
      ].join("\n"),
    );
  });

  it("prints no product heading without products, and says when there is nothing", () => {
    expect(sandboxTables([], [])).toBe("No customer profiles.\n");
    const only = sandboxTables([{ key: "-", sid: sid(1), status: "draft", friendlyName: "X" }], []);
    expect(only).not.toContain("Trust products");
  });
});
