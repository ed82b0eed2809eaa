import { describe, expect, it } from "vitest";
import { run } from "../src/cli/main.ts";
import { memoryIo } from "./helpers/io.ts";

describe("cli", () => {
  it("prints help and exits 0", async () => {
    const io = memoryIo();
    expect(await run(["node", "trusthub", "--help"], io)).toBe(0);
    expect(io.out).toContain("Usage: trusthub");
  });
  it("exits 1 on an unknown command", async () => {
    const io = memoryIo();
    expect(await run(["node", "trusthub", "nope"], io)).toBe(1);
  });
});
