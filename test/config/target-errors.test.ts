/**
 * Issue 16 item 5, through the CLI: a refused login names the variables to
 * check; "nothing listens" names the URL it tried.
 */
import { createServer } from "node:net";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.ts";
import { startAccount, type EmulatorAccount } from "../helpers/emulator.ts";
import { REPO, memoryIo, tempDir } from "./helpers.ts";

let account: EmulatorAccount;
const dir = tempDir({
  "trusthub.yaml": readFileSync(join(REPO, "examples/isv/primary.yaml"), "utf8"),
});
beforeAll(async () => {
  account = await startAccount();
});
afterAll(() => account.emu.close());

/** A port nothing listens on: bound, then released. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("errors that name what to check", () => {
  it("a refused auth token names the credential variables", async () => {
    const io = memoryIo(dir, { ...account.env, TWILIO_AUTH_TOKEN: "wrong-token-0000" });
    expect(await run(["node", "trusthub", "plan"], io)).toBe(1);
    expect(io.err).toMatch(/answered 401/);
    expect(io.err).toContain("check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN");
    expect(io.err).not.toContain("wrong-token-0000");
  });

  it("nothing listening names the URL", async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const io = memoryIo(dir, { ...account.env, TRUSTHUB_API_URL: url });
    expect(await run(["node", "trusthub", "plan"], io)).toBe(1);
    expect(io.err).toContain(`cannot connect: nothing listens at ${url} (ECONNREFUSED)`);
  });
});
