import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatorHandle } from "../../src/emulator/index.ts";
import type { SandboxControls } from "../../src/emulator/controls-client.ts";
import { isUserError } from "../../src/errors.ts";
import type { Connection } from "../../src/model/trusthub.ts";
import { readAccount } from "../../src/state/read.ts";
import { startAccount } from "../helpers/emulator.ts";

let emu: EmulatorHandle;
let controls: SandboxControls;
let conn: Connection;

beforeAll(async () => {
  ({ emu, controls, conn } = await startAccount());
});
afterAll(() => emu.close());

describe("readAccount", () => {
  it("reads the four lists once each, and assignments only where asked", async () => {
    const primary = await controls.createPrimary({ status: "twilio-approved" });
    await controls.resetRequestLog();
    const observed = await readAccount(conn, { managed: {} });
    expect(observed.profiles.map((p) => [p.sid, p.status])).toEqual([
      [primary.sid, "twilio-approved"],
    ]);
    expect(observed.profiles[0]!.dateUpdated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(observed.endUsers.map((u) => u.type).sort()).toEqual([
      "authorized_representative_1",
      "customer_profile_business_information",
    ]);
    expect(
      observed.endUsers.find((u) => u.type === "customer_profile_business_information")!.attributes[
        "business_identity"
      ],
    ).toBe("isv_reseller_or_partner");
    expect(observed.addresses).toHaveLength(1);
    expect(observed.documents[0]!.attributes["address_sids"]).toBe(primary.addressSid);
    expect(observed.assignments).toEqual({});
    const log = await controls.getRequestLog();
    expect(log.requests.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      `GET /2010-04-01/Accounts/${conn.target.accountSid}/Addresses.json`,
      "GET /v1/CustomerProfiles",
      "GET /v1/EndUsers",
      "GET /v1/SupportingDocuments",
    ]);

    await controls.resetRequestLog();
    const withAssignments = await readAccount(conn, {
      managed: {},
      assignmentsFor: (acc) => acc.profiles.map((p) => p.sid),
    });
    expect(withAssignments.assignments[primary.sid]!.map((a) => a.objectSid).sort()).toEqual(
      [...Object.values(primary.endUsers), primary.documentSid].sort(),
    );
    expect((await controls.getRequestLog()).count).toBe(5);
  });

  it("names the request when Trust Hub answers with an error", async () => {
    const bad = { ...conn, password: "wrong-token" };
    const err = await readAccount(bad, { managed: {} }).catch((e: unknown) => e);
    expect(isUserError(err)).toBe(true);
    expect((err as Error).message).toMatch(/^GET \/(v1|2010-04-01)\S*: Trust Hub answered 401/);
    expect((err as Error).message).not.toContain("wrong-token");
  });
});

describe("readAccount against a hostile server", () => {
  async function serve(body: string, type: string) {
    const server = createServer((_req, res) => {
      res.writeHead(200, { "Content-Type": type });
      res.end(body);
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const c: Connection = {
      target: { kind: "emulator", url, accountSid: conn.target.accountSid },
      username: "x",
      password: "y",
    };
    const err = await readAccount(c, { managed: {} }).catch((e: unknown) => e);
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
    return err as Error;
  }

  it("an HTML page is a malformed reply naming the request", async () => {
    const err = await serve("<html><body>Bad gateway</body></html>", "text/html");
    expect(isUserError(err)).toBe(true);
    expect(err.message).toMatch(/^GET \/\S+: malformed reply/);
  });

  it("a list item of the wrong shape is named with its position", async () => {
    const page = (key: string) =>
      JSON.stringify({
        [key]: [{ sid: 42 }],
        meta: { key, next_page_url: null },
        end: 0,
        next_page_uri: null,
      });
    const err = await serve(page("results"), "application/json");
    expect(isUserError(err)).toBe(true);
    expect(err.message).toMatch(/GET \/\S+: item 0 has no string/);
  });

  it("nothing listening: a clear connection error", async () => {
    const c: Connection = {
      target: { kind: "emulator", url: "http://127.0.0.1:9", accountSid: conn.target.accountSid },
      username: "x",
      password: "y",
    };
    const err = (await readAccount(c, { managed: {} }).catch((e: unknown) => e)) as Error;
    expect(isUserError(err)).toBe(true);
    expect(err.message).toMatch(/cannot connect/);
  });
});
