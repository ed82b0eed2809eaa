/**
 * Proved from outside the repository: `npm pack` the tool, install the tarball
 * into a fresh project (its only direct dependency), and from there run
 * `npx trusthub` under Node 22 and Node 24: --version, validate, plan in three
 * formats, apply through the real Pulumi engine against the embedded sandbox
 * and against an emulator this test starts, status, import. The Pulumi CLI is
 * the repository's build (scripts/pulumi-cli.sh), whose version differs from the
 * @pulumi/pulumi SDK the package installs.
 */
import { execFileSync } from "node:child_process";
import { cpSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseEnv } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../../src/errors.ts";
import { approvedPrimary } from "../apply/console-primary.ts";
import { isvCopy } from "../apply/cli.ts";
import { ISV, ROOT } from "../apply/fixtures.ts";
import { startAccount } from "../helpers/emulator.ts";
import {
  installProject,
  NODE22_VERSION,
  nodeBinDir,
  nodeVersionOnPath,
  npxTrusthub,
  packTool,
  pulumiPreview,
  type Packed,
} from "./npm.ts";

const VERSION = (
  JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }
).version;
let packed: Packed;
let project: string;
let pulumiBin: string;
const nodes: Record<string, string> = {};
/** One flow runs several Pulumi updates and ~8 CLI processes; four run at once on a shared machine. */
const FLOW_TIMEOUT = 300_000;

beforeAll(async () => {
  // The repository's CLI (pretest builds it; cached afterwards).
  const out = execFileSync("bash", [join(ROOT, "scripts/pulumi-cli.sh")], { encoding: "utf8" });
  pulumiBin = out.trim().split("\n").pop()!;
  const [node22, pack] = await Promise.all([nodeBinDir(NODE22_VERSION), packTool()]);
  nodes["22"] = node22;
  nodes["24"] = join(process.execPath, ".."); // the repository's own Node 24 (the `node` dev dependency)
  packed = pack;
  project = await installProject(packed.file);
}, 600_000);

afterAll(() => {
  for (const dir of [project, packed && dirname(packed.file)]) {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
});

describe("the tarball", () => {
  it("stays under 1 MB and ships compiled code, declarations, schemas, docs, README and LICENSE only", () => {
    expect(packed.size).toBeLessThan(1_000_000);
    const top = new Set(packed.files.map((f) => f.split("/")[0]));
    expect([...top].sort()).toEqual([
      "LICENSE",
      "README.md",
      "dist",
      "docs",
      "package.json",
      "schemas",
    ]);
    for (const f of [
      "dist/cli/bin.js",
      "dist/cli/main.d.ts",
      "dist/apply/provider-impl.js",
      "dist/apply/provider-shim.cjs", // each resource's __provider names it (issue 15)
      "dist/workflow/pulumi-program.js",
      "schemas/trusthub.schema.json",
    ]) {
      expect(packed.files).toContain(f);
    }
    expect(packed.files.filter((f) => /\.ts$/.test(f) && !f.endsWith(".d.ts"))).toEqual([]);
    const pkg = JSON.parse(
      readFileSync(join(project, "node_modules/trusthub-reconciler/package.json"), "utf8"),
    ) as { dependencies: Record<string, string>; bin: Record<string, string> };
    expect(Object.keys(pkg.dependencies)).not.toContain("node");
    expect(pkg.bin).toEqual({ trusthub: "dist/cli/bin.js" });
  });
});

// Both Nodes, sandbox and emulator flows run at once: separate directories, sandboxes and emulators.
describe.each(["22", "24"])("installed, under Node %s", (major) => {
  const trusthub = (args: string[], cwd: string, env: Record<string, string> = {}) =>
    npxTrusthub(nodes[major]!, args, cwd, { TRUSTHUB_PULUMI_BIN: pulumiBin, ...env });

  it.concurrent(
    "validates, plans (text, json, markdown), applies through Pulumi against the embedded sandbox, reads status",
    async () => {
      expect(await nodeVersionOnPath(nodes[major]!)).toMatch(new RegExp(`^v${major}\\.`));
      const cwd = join(project, `sandbox-node${major}`);
      cpSync(ISV, join(cwd, "trusthub"), { recursive: true }); // the default config path
      const version = await trusthub(["--version"], cwd);
      expect([version.code, version.stdout, version.stderr]).toEqual([EXIT.ok, `${VERSION}\n`, ""]);
      const valid = await trusthub(["validate"], cwd);
      expect(valid.stdout).toMatch(/^valid: 1 primary, 3 secondaries in 2 files/);
      expect(valid.code).toBe(EXIT.ok);
      const text = await trusthub(["plan"], cwd);
      expect(text.stdout).toMatch(/^Trust Hub plan against the embedded sandbox/);
      // A fresh sandbox holds no primary yet: apply simulates the Console's steps, plan does not.
      expect(text.stdout).toContain("! secondary bluebird-bakery: blocked");
      const json = await trusthub(["plan", "--format", "json"], cwd);
      const plan = JSON.parse(json.stdout) as { summary: { blocked: number } };
      expect(plan.summary.blocked).toBe(4);
      const md = await trusthub(["plan", "--format", "markdown"], cwd);
      expect(md.stdout).toMatch(
        /^<!-- trusthub-plan target=sandbox:AC\w+ -->\n### Trust Hub plan\n/,
      );
      for (const r of [text, json, md]) {
        expect(r.code).toBe(EXIT.ok);
        // stderr holds only the target line (where it planned, where the state lives).
        expect(r.stderr).toMatch(
          /^Target: embedded sandbox \S+ \(account AC\w+\); state: stack sandbox in file:\S+\n$/,
        );
      }

      const r = await trusthub(["apply", "--auto-approve"], cwd);
      expect(r.stderr).toBe("");
      expect(r.stdout).toMatch(
        /Apply finished: 3 created, 1 adopted, 0 updated, 2 submitted, 0 failed/,
      );
      expect(r.code).toBe(EXIT.ok);
      // Each resource's provider (one line, issue 15) names the installed package's shim, which
      // loads its compiled code.
      const state = readFileSync(
        join(cwd, ".trusthub/state/.pulumi/stacks/trusthub/sandbox.json"),
        "utf8",
      );
      expect(state).toContain("node_modules/trusthub-reconciler/dist/apply/provider-shim.cjs");
      expect(readFileSync(join(cwd, ".trusthub/.gitignore"), "utf8")).toBe("*\n");
      const status = await trusthub(["status", "--sandbox"], cwd);
      expect(status.stdout).toMatch(/"Bluebird Bakery" +BU\w+ +pending-review/);
      expect(status.code).toBe(EXIT.ok);
      const again = await trusthub(["plan", "--detailed-exitcode"], cwd);
      expect(again.code).toBe(EXIT.ok);
      // A Pulumi.yaml in the user's repository runs the package's compiled program; the embedded
      // sandbox lives inside `trusthub apply` only, so the program refuses it by name.
      const preview = await pulumiPreview(nodes[major]!, pulumiBin, cwd, {
        stack: "sandbox",
        passphrase: readFileSync(join(cwd, ".trusthub", "sandbox-passphrase"), "utf8").trim(),
        paths: join(cwd, "trusthub"),
      });
      expect(preview.stdout + preview.stderr).toContain(
        "the Pulumi.yaml program cannot use the embedded sandbox",
      );
      expect(preview.code).not.toBe(0);
    },
    FLOW_TIMEOUT,
  );

  it.concurrent(
    "applies against an emulator with a Pulumi CLI whose version differs from the SDK's, then imports",
    async () => {
      const cli = execFileSync(join(pulumiBin, "pulumi"), ["version"], { encoding: "utf8" }).trim();
      const sdkPkg = join(project, "node_modules/@pulumi/pulumi/package.json");
      const sdk = (JSON.parse(readFileSync(sdkPkg, "utf8")) as { version: string }).version;
      expect(cli).not.toBe(`v${sdk}`);
      const a = await startAccount();
      try {
        const dir = isvCopy();
        await approvedPrimary(a.controls, a.conn, dir);
        const env = { ...a.env, PULUMI_CONFIG_PASSPHRASE: `pack-node${major}` };
        const cwd = join(project, `emulator-node${major}`);
        cpSync(dir, join(cwd, "config"), { recursive: true });
        const r = await trusthub(["apply", "config", "--auto-approve"], cwd, env);
        expect(r.stderr).toBe("");
        expect(r.stdout).toMatch(
          /Apply finished: 3 created, 1 adopted, 0 updated, 2 submitted, 0 failed/,
        );
        expect(r.code).toBe(EXIT.ok);
        // A Pulumi.yaml in the user's repository runs the package's compiled program: no changes.
        const preview = await pulumiPreview(nodes[major]!, pulumiBin, cwd, {
          stack: a.env["TWILIO_ACCOUNT_SID"]!,
          passphrase: env.PULUMI_CONFIG_PASSPHRASE,
          paths: join(cwd, "config"),
          env: a.env,
        });
        expect(preview.stderr).toBe("");
        expect(preview.stdout).toMatch(/5 unchanged/);
        expect(preview.code).toBe(0);
        const imported = await trusthub(["import", "--out", "imported/trusthub.yaml"], cwd, env);
        expect(imported.stderr).toMatch(/^Imported 1 primary and 3 secondaries/m);
        expect(imported.code).toBe(EXIT.ok);
        // The imported YAML holds ${env:...} references; its env file the values.
        const values = parseEnv(readFileSync(join(cwd, "imported/trusthub.env"), "utf8"));
        const valid = await trusthub(["validate", "imported"], cwd, {
          ...env,
          ...(values as Record<string, string>),
        });
        expect(valid.stdout).toMatch(/^valid: 1 primary, 3 secondaries/);
        expect(valid.code).toBe(EXIT.ok);
      } finally {
        await a.emu.close();
      }
    },
    FLOW_TIMEOUT,
  );
});
