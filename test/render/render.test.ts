import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { PLAN_FORMAT_VERSION, type Plan, type ProfileAction } from "../../src/model/plan.ts";
import { summarize } from "../../src/plan/build.ts";
import { parsePlanFile, renderJson } from "../../src/render/json.ts";
import { MAX_MARKDOWN, renderMarkdown } from "../../src/render/markdown.ts";
import { renderText } from "../../src/render/text.ts";

const root = join(import.meta.dirname, "../..");
const schema = JSON.parse(readFileSync(join(root, "schemas/plan.schema.json"), "utf8")) as object;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

function plan(actions: ProfileAction[]): Plan {
  return {
    format_version: PLAN_FORMAT_VERSION,
    target: { kind: "sandbox", url: "http://127.0.0.1:1", accountSid: "AC" + "0".repeat(32) },
    actions,
    summary: summarize(actions),
    checksum: "sha256:" + "a".repeat(64),
    fingerprints: {},
  };
}

function update(key: string, before: string, after: string): ProfileAction {
  return {
    key,
    kind: "secondary",
    action: "update",
    sid: "BU" + "1".repeat(32),
    status: "draft",
    reasons: ["1 field to write"],
    changes: [{ slot: "business", field: "website_url", before, after, sensitive: false }],
    submit: false,
    consoleSteps: [],
    notes: [],
  };
}

describe("renderJson", () => {
  const files = readdirSync(join(root, "test/scenarios"))
    .filter((d) => /^\d{3}-/.test(d))
    .map((d) => join(root, "test/scenarios", d, "plan.json"));

  it.each(files)("%s validates against schemas/plan.schema.json", (file) => {
    const data = JSON.parse(readFileSync(file, "utf8")) as unknown;
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
  });

  it("round-trips byte for byte through parsePlanFile (apply --plan's parser)", () => {
    const file = files[2]!;
    const text = readFileSync(file, "utf8");
    const [saved] = parsePlanFile(text);
    expect(saved!.account).toBeUndefined();
    expect(renderJson(saved!.plan)).toBe(text);
  });

  it("the schema rejects what is not a plan", () => {
    const good = JSON.parse(renderJson(plan([update("a", "x", "y")]))) as Record<string, unknown>;
    expect(validate(good)).toBe(true);
    expect(validate({ ...good, format_version: 1 })).toBe(false);
    expect(validate({ ...good, checksum: "md5:1" })).toBe(false);
    const bad = structuredClone(good) as { actions: { action: string }[] };
    bad.actions[0]!.action = "replace";
    expect(validate(bad)).toBe(false);
  });
});

describe("renderText", () => {
  it("says No changes. on an empty plan, with the target", () => {
    const text = renderText(plan([]), { color: false });
    expect(text).toBe(
      "Trust Hub plan against the embedded sandbox at http://127.0.0.1:1 (account AC00000000000000000000000000000000).\n\nNo changes. Trust Hub matches the configuration.\n",
    );
  });

  it("colours only when asked", () => {
    const p = plan([update("a", "https://old.example", "https://new.example")]);
    expect(renderText(p, { color: false })).not.toMatch(/\u001b\[/);
    expect(renderText(p, { color: true })).toMatch(/\u001b\[33m~\u001b\[39m/);
  });

  it("shows long multi-line values as a line diff", () => {
    const before = "line one\nline two\nline three";
    const after = "line one\nline 2\nline three";
    const text = renderText(plan([update("a", before, after)]), { color: false });
    expect(text).toContain(
      "    ~ business.website_url:\n          line one\n        - line two\n        + line 2\n          line three\n",
    );
  });
});

describe("renderMarkdown", () => {
  it("starts with the marker line and escapes table cells", () => {
    const md = renderMarkdown(plan([update("a", "a|b", "<script>`x`</script>")]));
    expect(md.split("\n")[0]).toBe(
      "<!-- trusthub-plan target=sandbox:AC00000000000000000000000000000000 -->",
    );
    expect(md).toContain("| `a\\|b` |");
    // Exact: a longer fence instead of altering the backticks.
    expect(md).toContain("| ``<script>`x`</script>`` |");
  });

  it(`stays under ${MAX_MARKDOWN} characters by collapsing the tail with a note`, () => {
    const many = Array.from({ length: 1500 }, (_, i) =>
      update(
        `brand-${String(i).padStart(4, "0")}`,
        `https://old-${i}.example`,
        `https://new-${i}.example`,
      ),
    );
    const md = renderMarkdown(plan(many));
    expect(md.length).toBeLessThanOrEqual(MAX_MARKDOWN);
    expect(md).toContain("<code>brand-0000</code>");
    expect(md).not.toContain("<code>brand-1499</code>");
    expect(md).toMatch(
      /> \d+ more profiles not shown to keep this comment under 60,000 characters/,
    );
    expect(md).toContain("| ~ update | 1500 |");
    expect((md.match(/<details>/g) ?? []).length).toBe((md.match(/<\/details>/g) ?? []).length);
  });
});
