/**
 * Every Twilio fact in src/domain names its source and appears in
 * docs/twilio-facts.md, which is exactly what scripts/twilio-facts.ts renders.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { factsDoc, FACTS_DOC } from "../../scripts/twilio-facts.ts";
import { FACTS } from "../../src/domain/facts.ts";
import * as limits from "../../src/domain/limits.ts";
import * as rejections from "../../src/domain/rejections.ts";
import * as twilio from "../../src/domain/twilio.ts";
import * as trustProducts from "../../src/domain/trust-products.ts";

const exported = { ...twilio, ...limits, ...rejections, ...trustProducts } as Record<
  string,
  unknown
>;
const dataExports = Object.keys(exported).filter((k) => typeof exported[k] !== "function");

function resolve(name: string): unknown {
  const [head, ...rest] = name.split(".");
  let v: unknown = exported[head ?? ""];
  for (const k of rest) v = (v as Record<string, unknown> | undefined)?.[k];
  return v;
}

describe("Twilio facts", () => {
  it.each(dataExports)("%s is covered by a fact", (name) => {
    const covering = FACTS.filter((f) => f.name === name || f.name.startsWith(`${name}.`));
    expect(covering.length).toBeGreaterThan(0);
    // A dotted fact covers one entry: together they must cover every entry.
    if (covering.every((f) => f.name !== name)) {
      const keys = Object.keys(exported[name] as object).map((k) => `${name}.${k}`);
      expect(covering.map((f) => f.name).sort()).toEqual(keys.sort());
    }
  });

  it.each(FACTS.map((f) => [f.name, f] as const))("%s names its source", (name, fact) => {
    expect(fact.value).toBe(resolve(name));
    expect(fact.sources.length).toBeGreaterThan(0);
    for (const s of fact.sources) expect(s.ref.trim()).not.toBe("");
    if (fact.sources.every((s) => s.kind === "unverified" || s.kind === "third-party")) {
      expect(fact.confidence).not.toBe("high");
    }
  });

  it("docs/twilio-facts.md is rendered from the data (npx node scripts/twilio-facts.ts --write)", async () => {
    const doc = readFileSync(FACTS_DOC, "utf8");
    expect(doc).toBe(await factsDoc());
    for (const f of FACTS) {
      expect(doc).toContain(`## \`${f.name}\``);
      for (const s of f.sources) expect(doc).toContain(s.ref);
    }
  });
});
