import { describe, expect, it } from "vitest";
import { scanCheckpoint, type ScannedResource } from "../../src/state/checkpoint-scan.ts";

/** What JSON.parse of the whole file gives for the fields the scanner keeps. */
function expected(text: string): ScannedResource[] {
  const cp = JSON.parse(text) as { checkpoint?: { latest?: { resources?: unknown[] } } };
  return (cp.checkpoint?.latest?.resources ?? []).map((r) => {
    const o = r as Record<string, unknown> & { outputs?: Record<string, unknown> };
    const out: ScannedResource = {};
    for (const k of ["urn", "type", "delete"] as const) if (k in o) out[k] = o[k];
    if (o.outputs && typeof o.outputs === "object" && !Array.isArray(o.outputs)) {
      for (const k of ["key", "record"] as const) {
        if (k in o.outputs) (out.outputs ??= {})[k] = o.outputs[k];
      }
    }
    return out;
  });
}

function splits(text: string, seed: number): string[] {
  let x = seed;
  const rnd = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  const out: string[] = [];
  for (let i = 0; i < text.length;) {
    const n = 1 + Math.floor(rnd() * 40);
    out.push(text.slice(i, i + n));
    i += n;
  }
  return out;
}

const resource = (i: number) => ({
  urn: `urn:pulumi:s::trusthub::pulumi-nodejs:dynamic/trusthub:Profile::p${i}`,
  custom: true,
  id: `BU${i}`,
  type: i % 3 === 0 ? "pulumi:providers:pulumi-nodejs" : "pulumi-nodejs:dynamic/trusthub:Profile",
  inputs: {
    __provider: 'exports.handler = "\\\\" + "}" + \'{"\' + "\\"]"; // \\u00e9 é',
    desired: {
      "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
      ciphertext: "v1:abc==",
    },
    list: [1, -2.5e3, true, false, null, [], {}, [[]], { a: [{}] }],
  },
  outputs: {
    __provider: "x\\\\",
    key: `p${i}`,
    record: {
      key: `p${i}`,
      profileSid: `BU${i}`,
      endUsers: { a: "IT1" },
      assignments: {},
      n: 1.5,
      t: null,
    },
    status: "draft",
  },
  ...(i % 4 === 1 ? { delete: true } : {}),
  parent: "urn:x",
});

describe("scanCheckpoint", () => {
  const file = {
    version: 3,
    checkpoint: {
      stack: "s",
      latest: {
        manifest: { time: "t", magic: "m", version: "v" },
        secrets_providers: { type: "passphrase", state: { salt: 'v1:"salt' } },
        resources: Array.from({ length: 12 }, (_, i) => resource(i)),
        pendingOperations: [{ resource: resource(99), type: "creating" }],
      },
    },
  };

  for (const indent of [0, 4]) {
    it(`finds what JSON.parse finds, however the text is split (indent ${indent})`, () => {
      const text = JSON.stringify(file, null, indent);
      const want = expected(text);
      expect(want).toHaveLength(12);
      expect(scanCheckpoint([text])).toEqual(want);
      for (let seed = 1; seed < 60; seed++)
        expect(scanCheckpoint(splits(text, seed))).toEqual(want);
      for (const size of [1, 2, 3]) {
        const parts: string[] = [];
        for (let i = 0; i < text.length; i += size) parts.push(text.slice(i, i + size));
        expect(scanCheckpoint(parts)).toEqual(want);
      }
    });
  }

  it("gives no resources for a checkpoint without any", () => {
    expect(scanCheckpoint(['{"version":3,"checkpoint":{"stack":"s","latest":{}}}'])).toEqual([]);
    expect(scanCheckpoint(['{"checkpoint":{"latest":{"resources":[]}}}'])).toEqual([]);
  });

  it("refuses text that is not one JSON value", () => {
    const text = JSON.stringify(file);
    for (const bad of [
      text.slice(0, text.length - 1),
      text.slice(0, Math.floor(text.length / 2)),
      `${text}{}`,
      text.replace('"stack":', '"stack" '),
      text.replace('"version":3,', '"version":3,,'),
      text.replace("[1,", "[1,]"),
      text.replace("[[]]", "[[}]"),
      "",
      "{",
      '{"a":tru e}',
    ]) {
      expect(() => JSON.parse(bad) as unknown).toThrow();
      expect(() => scanCheckpoint([bad]), bad.slice(0, 40)).toThrow();
    }
  });
});
