/**
 * A few hundred random and malformed requests (seeded, reproducible): the
 * server stays up, never answers 500, always answers Twilio's error body, and
 * its data file stays valid and loadable.
 */
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Store, type Snapshot } from "../../src/emulator/store.ts";
import { harness, REP, type Harness } from "./helpers.ts";

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = prng(20261122);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const hex = (n: number): string =>
  Array.from({ length: n }, () => pick("0123456789abcdef".split(""))).join("");

let h: Harness;
let dataFile: string;
const known: Record<string, string> = {};

beforeAll(async () => {
  dataFile = join(await mkdtemp(join(tmpdir(), "th-fuzz-")), "state.json");
  h = await harness({ dataFile });
  const p = await h.controls.createPrimary({});
  known["BU"] = p.sid;
  known["IT"] = p.endUsers["business"]!;
  known["RD"] = p.documentSid;
  known["AD"] = p.addressSid;
  known["BV"] = p.assignmentSids[0]!;
});
afterAll(async () => {
  await h.em.close();
});

function sid(prefix: string): string {
  return pick([
    known[prefix] ?? `${prefix}${hex(32)}`,
    `${prefix}${hex(32)}`,
    `${prefix}${hex(5)}`,
    `XX${hex(32)}`,
    "",
    "%00",
    "..",
    encodeURIComponent("<script>"),
    "a".repeat(3000),
  ]);
}

function path(): string {
  const ac = pick([h.sid, `AC${hex(32)}`, "ACnope"]);
  return pick([
    "/v1/CustomerProfiles",
    `/v1/CustomerProfiles/${sid("BU")}`,
    `/v1/CustomerProfiles/${sid("BU")}/EntityAssignments`,
    `/v1/CustomerProfiles/${sid("BU")}/EntityAssignments/${sid("BV")}`,
    `/v1/CustomerProfiles/${sid("BU")}/Evaluations`,
    `/v1/CustomerProfiles/${sid("BU")}/Evaluations/${sid("EL")}`,
    `/v1/CustomerProfiles/${sid("BU")}/ChannelEndpointAssignments/${sid("RA")}`,
    "/v1/EndUsers",
    `/v1/EndUsers/${sid("IT")}`,
    `/v1/SupportingDocuments/${sid("RD")}`,
    `/v1/EndUserTypes/${pick(["authorized_representative_1", sid("OY")])}`,
    `/v1/Policies/${sid("RN")}`,
    `/2010-04-01/Accounts/${ac}/Addresses.json`,
    `/2010-04-01/Accounts/${ac}/Addresses/${sid("AD")}.json`,
    `/__sandbox/${pick(["PrimaryProfiles", "Faults", "Review", "RequestLog", `CustomerProfiles/${sid("BU")}/Status`, "Nope"])}`,
    `/${hex(8)}/${hex(4)}`,
    "/",
    "//v1//CustomerProfiles",
    "/v1/CustomerProfiles/",
  ]);
}

function value(): string {
  return pick([
    "x",
    "",
    "Jane+Doe%20Q",
    "%E0%A4%A",
    "%ZZ",
    encodeURIComponent("ü€😀"),
    encodeURIComponent(JSON.stringify(REP)),
    encodeURIComponent("{not json"),
    encodeURIComponent("null"),
    encodeURIComponent("[1,2]"),
    encodeURIComponent(
      JSON.stringify({ deep: JSON.parse("[".repeat(500) + "]".repeat(500)) as unknown }),
    ),
    encodeURIComponent(JSON.stringify({ big: "x".repeat(80_000) })),
    `RN${hex(32)}`,
    "RNdfbf3fae0e1107f8aded0e7cead80bf5",
    "RN6433641899984f951173ef1738c3bdd0",
    "pending-review",
    "twilio-approved",
    "bogus",
    "-1",
    "1001",
    "PA" + hex(34),
    known["IT"]!,
    known["BU"]!,
  ]);
}

function body(): string | undefined {
  const keys = [
    "FriendlyName",
    "Email",
    "PolicySid",
    "Status",
    "StatusCallback",
    "Type",
    "Attributes",
    "ObjectSid",
    "ChannelEndpointType",
    "ChannelEndpointSid",
    "CustomerName",
    "Street",
    "City",
    "Region",
    "PostalCode",
    "IsoCountry",
    "EmergencyEnabled",
    "PageSize",
    `${hex(3)}`,
  ];
  return pick([
    undefined,
    "",
    Array.from({ length: 1 + Math.floor(rand() * 8) }, () => `${pick(keys)}=${value()}`).join("&"),
    "&&&==&=x&",
    JSON.stringify({ rate429: pick([0, 2, "x"]), status: pick(["draft", 3]) }),
    "\u0000\uffff".repeat(10),
    "A=" + "b".repeat(1_100_000),
  ]);
}

function auth(): string | undefined {
  const b64 = (s: string): string => `Basic ${Buffer.from(s).toString("base64")}`;
  return pick([
    b64(`${h.sid}:${h.token}`),
    b64(`${h.sid}:${h.token}`),
    b64(`${h.sid}:${h.token}`),
    undefined,
    b64(`${h.sid}:wrong`),
    b64(`SK${hex(32)}:x`),
    b64("nocolon"),
    "Basic %%%",
    "Bearer abc",
    b64(`${h.sid}:${h.token}:extra`),
  ]);
}

describe("fuzz", () => {
  it("survives 400 random and malformed requests", async () => {
    const seen = new Map<number, number>();
    const fails: string[] = [];
    for (let i = 0; i < 400; i++) {
      const method = pick(["GET", "GET", "POST", "POST", "DELETE", "PUT", "PATCH", "OPTIONS"]);
      const p =
        path() +
        pick([
          "",
          "?PageSize=2",
          `?PageSize=${value()}&Page=${value()}`,
          `?PageToken=${value()}&Status=${value()}`,
          "?%zz=1",
        ]);
      const b = method === "GET" || method === "DELETE" ? undefined : body();
      const a = auth();
      const res = await fetch(h.em.url + p, {
        method,
        headers: {
          ...(a && { Authorization: a }),
          "Content-Type": pick([
            "application/x-www-form-urlencoded",
            "application/json",
            "text/plain",
          ]),
        },
        ...(b !== undefined && { body: b }),
      }).catch((e: Error) => ({ status: -1, text: () => Promise.resolve(e.message) }));
      const text = await res.text();
      seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
      if (res.status >= 500 || res.status < 0)
        fails.push(`${method} ${p.slice(0, 120)} -> ${res.status} ${text.slice(0, 200)}`);
      if (res.status >= 400 && res.status !== 413 && !p.startsWith("/__sandbox/")) {
        let err: Record<string, unknown> = {};
        try {
          err = JSON.parse(text) as Record<string, unknown>;
        } catch {
          fails.push(
            `${method} ${p.slice(0, 120)} -> ${res.status} unparseable body ${JSON.stringify(text.slice(0, 100))}`,
          );
        }
        const keys = Object.keys(err).filter((k) => k !== "detail");
        if (keys.sort().join() !== "code,message,more_info,status")
          fails.push(`${method} ${p}: body ${text.slice(0, 200)}`);
      }
    }
    expect(fails).toEqual([]);
    expect((await h.controls.stats())["internalErrors"]).toEqual([]);
    expect([...seen.keys()].some((s) => s >= 200 && s < 300)).toBe(true);
    expect(seen.get(401)).toBeGreaterThan(10);
    await h.controls.resetFaults();
    const ok = await fetch(`${h.em.url}/v1/CustomerProfiles`, {
      headers: { Authorization: `Basic ${Buffer.from(`${h.sid}:${h.token}`).toString("base64")}` },
    });
    expect(ok.status).toBe(200);
    const snap = JSON.parse(await readFile(dataFile, "utf8")) as { format: string };
    expect(snap.format).toBe("trusthub-emulator");
    new Store().restore(snap as Snapshot); // loadable, not only parseable
  });
});
