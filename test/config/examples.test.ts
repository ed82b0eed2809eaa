/** The shipped examples are valid, and normalise as docs/config.md says. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.ts";
import type { BusinessProfile } from "../../src/model/config.ts";
import { REPO, memoryIo, validate } from "./helpers.ts";

const EXAMPLES = ["examples/isv", "examples/direct", "examples/individual"];

describe("examples", () => {
  it.each(EXAMPLES)("%s is valid with no diagnostics", async (dir) => {
    const result = await loadConfig([dir], { cwd: REPO, env: {} });
    expect(result.diagnostics).toEqual([]);
    expect(result.config).toBeDefined();
  });

  it.each(EXAMPLES)("%s: every file starts with the schema modeline", (dir) => {
    for (const name of readdirSync(path.join(REPO, dir))) {
      const text = readFileSync(path.join(REPO, dir, name), "utf8");
      expect(text.split("\n")[0]).toBe(
        "# yaml-language-server: $schema=../../schemas/trusthub.schema.json",
      );
    }
  });

  it("isv: an ISV primary and three secondaries over two files", async () => {
    const { config } = await loadConfig(["examples/isv"], { cwd: REPO, env: {} });
    expect(config?.files).toEqual(["examples/isv/brands.yaml", "examples/isv/primary.yaml"]);
    expect(config?.primary?.kind).toBe("primary-business");
    const primary = config?.primary as BusinessProfile;
    expect(primary.business.identity).toBe("isv_reseller_or_partner");
    expect(config?.secondaries.map((s) => s.key)).toEqual([
      "bluebird-bakery",
      "harbor-dental",
      "maple-fitness",
    ]);
  });

  it("isv: normalises phones, registration numbers and defaults", async () => {
    const { config } = await loadConfig(["examples/isv"], { cwd: REPO, env: {} });
    const primary = config?.primary as BusinessProfile;
    expect(primary.business.registration.number).toBe("123456789");
    expect(primary.source).toEqual({ file: "examples/isv/primary.yaml", line: 13, column: 3 });
    const bakery = config?.secondaries[0];
    expect(bakery?.representatives[1]?.phone).toBe("+13125550143");
    expect(bakery?.address.street2).toBe("");
    expect(bakery?.business.socialMediaProfileUrls).toEqual([]);
    // Twilio's ISV guide: status mail and callbacks go to the ISV (brands.yaml defaults).
    expect(bakery?.statusCallback).toBe("https://hooks.northwind.example/trusthub/status");
    expect(bakery?.email).toBe("trusthub-ops@northwind.example");
    expect(bakery?.submit).toBe(true);
    expect(bakery?.kind).toBe("secondary");
    expect(config?.secondaries[1]?.submit).toBe(false);
    expect(config?.secondaries[1]?.business.registration.number).toBe("456789012");
  });

  it("individual: console-only items and submit", async () => {
    const { config } = await loadConfig(["examples/individual"], { cwd: REPO, env: {} });
    expect(config?.primary?.kind).toBe("primary-individual");
    if (config?.primary?.kind !== "primary-individual") return;
    expect(config.primary.consoleOnly).toEqual({ photoId: true, selfieVerification: true });
    expect(config.primary.submit).toBe(false);
    expect(config.secondaries).toEqual([]);
  });

  it.each([
    ["examples/isv", "valid: 1 primary, 3 secondaries in 2 files (0 warnings)\n"],
    ["examples/direct", "valid: 1 primary, 0 secondaries in 1 file (0 warnings)\n"],
    ["examples/individual", "valid: 1 primary, 0 secondaries in 1 file (0 warnings)\n"],
  ])("trusthub validate %s exits 0 with one summary line", async (dir, summary) => {
    const io = memoryIo();
    expect(await validate([dir], io)).toBe(0);
    expect(io.out).toBe(summary);
    expect(io.err).toBe("");
  });

  it("all three examples together are one account with three primaries: exit 1", async () => {
    const io = memoryIo();
    expect(await validate(EXAMPLES, io)).toBe(1);
    expect(io.err).toContain("error rule/two-primaries");
  });
});
