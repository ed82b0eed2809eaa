/**
 * Issue 16 item 5, through the CLI: a profile's `acknowledge` silences its
 * known warnings (and only its own), `--quiet` hides warnings on validate and
 * plan, and `--show-sensitive` is refused with markdown and in CI.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.ts";
import { startAccount, type EmulatorAccount } from "../helpers/emulator.ts";
import { REPO, memoryIo, tempDir, validate } from "./helpers.ts";

const primary = readFileSync(join(REPO, "examples/isv/primary.yaml"), "utf8");
const brands = readFileSync(join(REPO, "examples/isv/brands.yaml"), "utf8");
/** harbor-dental with one representative (the second removed). */
const single = brands.replace(/\n {6}- firstName: Taylor[\s\S]*?jobPosition: CFO\n/, "\n");

function config(secondaries: string): string {
  return tempDir({ "primary.yaml": primary, "brands.yaml": secondaries });
}

const WARNING = "warning rule/single-representative";
let account: EmulatorAccount;
beforeAll(async () => {
  account = await startAccount();
});
afterAll(() => account.emu.close());

describe("acknowledge and --quiet", () => {
  it("a single representative warns until the profile acknowledges it", async () => {
    expect(single).not.toBe(brands);
    let io = memoryIo(config(single));
    expect(await validate(["."], io)).toBe(0);
    expect(io.err).toContain(WARNING);
    const acked = single.replace(
      "    submit: false # still collecting documents: keep it a draft\n",
      "    submit: false\n    acknowledge: [rule/single-representative]\n",
    );
    expect(acked).not.toBe(single);
    io = memoryIo(config(acked));
    expect(await validate(["."], io)).toBe(0);
    expect(io.err).not.toContain(WARNING);
    expect(io.out).toContain("(0 warnings)");
  });

  it("acknowledging on another profile does not silence it", async () => {
    const other = single.replace(
      "    friendlyName: Bluebird Bakery\n",
      "    friendlyName: Bluebird Bakery\n    acknowledge: [rule/single-representative]\n",
    );
    const io = memoryIo(config(other));
    expect(await validate(["."], io)).toBe(0);
    expect(io.err).toContain(WARNING);
  });

  it("an unknown code in acknowledge is a schema error with a suggestion", async () => {
    const bad = single.replace(
      "    friendlyName: Bluebird Bakery\n",
      "    friendlyName: Bluebird Bakery\n    acknowledge: [rule/single-representatives]\n",
    );
    const io = memoryIo(config(bad));
    expect(await validate(["."], io)).toBe(1);
    expect(io.err).toContain('did you mean "rule/single-representative"?');
  });

  it("validate --quiet hides warnings but counts them", async () => {
    const io = memoryIo(config(single));
    expect(await validate(["--quiet", "."], io)).toBe(0);
    expect(io.err).toBe("");
    expect(io.out).toContain("(1 warning)");
  });

  it("plan --quiet hides configuration warnings", async () => {
    const dir = config(single);
    const loud = memoryIo(dir, account.env);
    await run(["node", "trusthub", "plan", "."], loud);
    expect(loud.err).toContain(WARNING);
    const quiet = memoryIo(dir, account.env);
    await run(["node", "trusthub", "plan", "--quiet", "."], quiet);
    expect(quiet.err).not.toContain(WARNING);
    expect(quiet.out).toContain("Plan:");
  });

  it.each([
    [["--format", "markdown"], {}, "--show-sensitive cannot be used with --format markdown"],
    [[], { CI: "true" }, "--show-sensitive is refused when CI is set"],
    [["--format", "json"], { CI: "1" }, "--show-sensitive is refused when CI is set"],
  ])("plan --show-sensitive %j with %j is refused, exit 1", async (args, env, message) => {
    const io = memoryIo(config(brands), { ...account.env, ...env });
    const code = await run(["node", "trusthub", "plan", "--show-sensitive", ...args, "."], io);
    expect(code).toBe(1);
    expect(io.err).toContain(message);
    expect(io.out).toBe("");
  });
});
