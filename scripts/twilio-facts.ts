/**
 * Renders src/domain/facts.ts as docs/twilio-facts.md.
 * Update the doc: npx node scripts/twilio-facts.ts --write
 * (test/domain/facts.test.ts fails while the doc differs from the data).
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { format, resolveConfig } from "prettier";
import { FACTS, type Fact } from "../src/domain/facts.ts";

export const FACTS_DOC = fileURLToPath(new URL("../docs/twilio-facts.md", import.meta.url));

const KIND_LABEL = {
  "twilio-docs": "Twilio docs",
  "twilio-spec": "Twilio spec",
  "third-party": "third party",
  unverified: "unverified",
} as const;

export function renderFacts(facts: readonly Fact[] = FACTS): string {
  const lines = [
    "# Twilio facts the tool relies on",
    "",
    "Generated from `src/domain/facts.ts` by `npx node scripts/twilio-facts.ts --write`; do not edit by",
    "hand. Each fact is a value in `src/domain` (the schema, the rules, the plan and the emulator take",
    "it from there) with its sources and how sure we are: **high** (Twilio's docs or spec say it),",
    "**medium** (Twilio says it indirectly, or several independent third parties agree), **low** (one",
    "third party, or no source at all). Check the low ones on a live account before relying on them.",
    "",
  ];
  for (const f of facts) {
    lines.push(`## \`${f.name}\``, "", `${f.what}. Confidence: **${f.confidence}**.`, "");
    lines.push("```json", JSON.stringify(f.value, null, 2), "```", "");
    lines.push("Sources:", "");
    for (const s of f.sources) lines.push(`- ${KIND_LABEL[s.kind]}: ${s.ref}`);
    lines.push("");
    if (f.note !== undefined) lines.push(`Note: ${f.note}`, "");
  }
  return lines.join("\n");
}

/** The doc as committed: rendered, then formatted by prettier (the repository's own config). */
export async function factsDoc(): Promise<string> {
  const options = (await resolveConfig(FACTS_DOC)) ?? {};
  return format(renderFacts(), { ...options, filepath: FACTS_DOC });
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = await factsDoc();
  if (process.argv.includes("--write")) writeFileSync(FACTS_DOC, text);
  else process.stdout.write(text);
}
