/**
 * Which Pulumi CLI runs: any `pulumi` at or above the minimum, found through
 * TRUSTHUB_PULUMI_BIN, PATH, ~/.pulumi/bin or the build cache, the first found
 * wins; one below the minimum is refused before `apply` prints any plan.
 * The CLIs here are shell scripts that only answer `pulumi version`.
 */
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findPulumiBinDir, findPulumiCli, MIN_PULUMI_VERSION } from "../../src/apply/pulumi-bin.ts";
import { EXIT } from "../../src/errors.ts";
import { ISV } from "../apply/fixtures.ts";
import { runCli } from "../apply/cli.ts";

/** A directory holding a fake `pulumi` that prints `version`. */
function fakePulumi(root: string, sub: string, version: string): string {
  const dir = join(root, sub);
  mkdirSync(dir, { recursive: true });
  const bin = join(dir, "pulumi");
  writeFileSync(bin, `#!/bin/sh\n[ "$1" = version ] && echo ${version}\n`);
  chmodSync(bin, 0o755);
  return dir;
}

function world() {
  const root = mkdtempSync(join(tmpdir(), "trusthub-pulumi-bin-"));
  const home = join(root, "home");
  mkdirSync(home);
  return { root, home, env: { HOME: home, PATH: "/usr/bin:/bin" } as Record<string, string> };
}

describe("findPulumiCli", () => {
  it("takes the first pulumi on PATH, whatever its version above the minimum", () => {
    const w = world();
    const a = fakePulumi(w.root, "a", "v3.280.5");
    const b = fakePulumi(w.root, "b", "v3.276.0");
    fakePulumi(w.home, ".pulumi/bin", "v3.250.0");
    const found = findPulumiCli({ ...w.env, PATH: `${a}:${b}:/bin` });
    expect(found).toEqual({ dir: a, version: "3.280.5", source: "PATH" });
  });

  it("then ~/.pulumi/bin, then the build cache, newest version first", () => {
    const w = world();
    const official = fakePulumi(w.home, ".pulumi/bin", "v3.250.0");
    expect(findPulumiBinDir(w.env)).toBe(official);
    const w2 = world();
    const cache = join(w2.home, ".cache/trusthub-reconciler/pulumi");
    fakePulumi(cache, "v3.200.0/bin", "v3.200.0");
    const newest = fakePulumi(cache, "v3.274.1/bin", "v3.274.1");
    fakePulumi(cache, "v3.99.0/bin", "v3.99.0");
    expect(findPulumiCli(w2.env)).toEqual({
      dir: newest,
      version: "3.274.1",
      source: "the trusthub build cache",
    });
  });

  it("TRUSTHUB_PULUMI_BIN wins over PATH", () => {
    const w = world();
    const path = fakePulumi(w.root, "path", "v3.276.0");
    const explicit = fakePulumi(w.root, "explicit", "v3.180.0-dev.0");
    const found = findPulumiCli({ ...w.env, PATH: path, TRUSTHUB_PULUMI_BIN: explicit });
    expect(found).toMatchObject({ dir: explicit, version: "3.180.0" });
  });

  it("refuses a CLI below the minimum, naming its version, its path and what is needed", () => {
    const w = world();
    const old = fakePulumi(w.root, "old", "v3.100.0");
    fakePulumi(w.home, ".pulumi/bin", "v3.276.0"); // not used: the shell would run the old one
    expect(() => findPulumiCli({ ...w.env, PATH: old })).toThrow(
      `the Pulumi CLI ${old}/pulumi (from PATH) is v3.100.0; trusthub needs v${MIN_PULUMI_VERSION} or newer`,
    );
  });

  it("says where it looked when there is none, and when TRUSTHUB_PULUMI_BIN is empty", () => {
    const w = world();
    expect(() => findPulumiCli(w.env)).toThrow(
      /no Pulumi CLI found \(looked in TRUSTHUB_PULUMI_BIN/,
    );
    expect(() => findPulumiCli({ ...w.env, TRUSTHUB_PULUMI_BIN: w.root })).toThrow(
      `TRUSTHUB_PULUMI_BIN=${w.root} holds no pulumi binary`,
    );
  });
});

it("apply refuses a Pulumi CLI below the minimum before printing any plan", async () => {
  const w = world();
  const old = fakePulumi(w.root, "old", "v3.100.0");
  const cwd = mkdtempSync(join(tmpdir(), "trusthub-old-pulumi-"));
  const r = await runCli(["apply", ISV, "--auto-approve"], cwd, {
    HOME: w.home,
    PATH: `${old}:${process.env["PATH"] ?? ""}`,
    TRUSTHUB_PULUMI_BIN: "", // not the developer's: the old one on PATH is the one found
  });
  expect(r.code).toBe(EXIT.error);
  expect(r.stdout).toBe("");
  expect(r.stderr).toBe(
    `error: the Pulumi CLI ${old}/pulumi (from PATH) is v3.100.0; trusthub needs v${MIN_PULUMI_VERSION} or newer. ` +
      "Install Pulumi 3.176.0 or newer (https://www.pulumi.com/docs/iac/download-install/, or " +
      "`curl -fsSL https://get.pulumi.com | sh`) and put it on PATH or set TRUSTHUB_PULUMI_BIN to its directory; " +
      "in the trusthub repository, `npm run pulumi-cli` builds one from the Go module proxy\n",
  );
});
