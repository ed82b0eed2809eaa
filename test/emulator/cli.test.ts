/** `trusthub emulator` flag handling, in-process. */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.ts";
import { memoryIo } from "../helpers/io.ts";

describe("trusthub emulator flags", () => {
  it.each([
    ["--account", "nope"],
    ["--account", "AC123:token"],
    ["--port", "-1"],
    ["--review-delay", "soon"],
  ])("refuses %s %s", async (flag, value) => {
    const io = memoryIo();
    expect(await run(["node", "trusthub", "emulator", flag, value], io)).toBe(1);
    expect(io.err).toMatch(/error: option/);
  });

  it("explains why it cannot start", async () => {
    const dir = await mkdtemp(join(tmpdir(), "th-cli-"));
    const dataFile = join(dir, "bad.json");
    await writeFile(dataFile, "{ not json");
    const io = memoryIo();
    expect(await run(["node", "trusthub", "emulator", "--port", "0", "--data", dataFile], io)).toBe(
      1,
    );
    expect(io.err).toContain(
      `error: cannot start the emulator: emulator data file ${dataFile} is not valid JSON`,
    );
  });

  it("documents its flags", async () => {
    const io = memoryIo();
    expect(await run(["node", "trusthub", "emulator", "--help"], io)).toBe(0);
    for (const flag of ["--port", "--data", "--account", "--review-delay", "--deterministic"])
      expect(io.out).toContain(flag);
  });
});
