/**
 * Issue 16 items 5 and 6: what a reviewer reads. Markdown names fields by
 * YAML path (Twilio's beside), shows Console steps open, keeps a stable
 * target line for the sandbox, and renders values exactly (backticks, pipes)
 * with control characters escaped; a submit-only action reads as a submit.
 */
import { describe, expect, it } from "vitest";
import { PLAN_FORMAT_VERSION, type Plan, type ProfileAction } from "../../src/model/plan.ts";
import { summarize } from "../../src/plan/build.ts";
import { renderJson } from "../../src/render/json.ts";
import { renderMarkdown } from "../../src/render/markdown.ts";
import { renderText } from "../../src/render/text.ts";

function plan(actions: ProfileAction[], url = "http://127.0.0.1:41234"): Plan {
  return {
    format_version: PLAN_FORMAT_VERSION,
    target: { kind: "sandbox", url, accountSid: "AC" + "0".repeat(32) },
    actions,
    summary: summarize(actions),
    checksum: "sha256:" + "a".repeat(64),
    fingerprints: {},
  };
}

function action(over: Partial<ProfileAction>): ProfileAction {
  return {
    key: "brand",
    kind: "secondary",
    action: "update",
    sid: "BU" + "1".repeat(32),
    status: "draft",
    reasons: [],
    changes: [],
    submit: false,
    consoleSteps: [],
    notes: [],
    ...over,
  };
}

const web = (before: string, after: string) =>
  action({
    changes: [{ slot: "business", field: "website_url", before, after, sensitive: false }],
  });

describe("markdown for reviewers", () => {
  it("the sandbox target line does not carry its random port", () => {
    const a = renderMarkdown(plan([web("a", "b")], "http://127.0.0.1:41234"));
    const b = renderMarkdown(plan([web("a", "b")], "http://127.0.0.1:5555"));
    expect(a).toBe(b);
    expect(a).toContain("Target: embedded sandbox (`.trusthub/sandbox.json`), account `AC");
    expect(a).not.toContain("127.0.0.1");
  });

  it("names fields by YAML path, with Twilio's name beside", () => {
    const md = renderMarkdown(plan([web("https://a.example", "https://b.example")]));
    expect(md).toContain("| | YAML | Twilio | Before | After |");
    expect(md).toContain(
      "| ~ | `business.websiteUrl` | business `website_url` | `https://a.example` | `https://b.example` |",
    );
  });

  it("renders backticks and pipes exactly (a longer fence, an escaped pipe)", () => {
    const md = renderMarkdown(plan([web("x", "a`b``c|d")]));
    expect(md).toContain("| ```a`b``c\\|d``` |");
    expect(md).not.toMatch(/ˋ|ʼ/);
    const edge = renderMarkdown(plan([web("x", "`tick`")]));
    expect(edge).toContain("| `` `tick` `` |");
  });

  it("escapes control characters in values", () => {
    const md = renderMarkdown(plan([web("x", "a\u001b[2Jb\u009b")]));
    expect(md).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(md).toContain("a\\x1b[2Jb\\x9b");
    const text = renderText(plan([web("x", "a\u001b[2Jb\u009b")]), { color: false });
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    const json = renderJson(plan([web("x", "a\u001b[2Jb\u009b\u202e")]));
    expect(json).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(JSON.stringify(JSON.parse(json))).toContain("a\\u001b[2Jb\u009b\u202e");
  });

  it("shows Console steps open, not collapsed", () => {
    const blocked = action({
      key: "northwind",
      kind: "primary-business",
      action: "blocked",
      consoleSteps: ["Create the primary customer profile"],
    });
    const md = renderMarkdown(plan([blocked, web("a", "b")]));
    expect(md).toContain("<details open><summary>! <code>northwind</code>");
    expect(md).toContain("<details><summary>~ <code>brand</code>");
  });

  it("quotes the friendly name to type in a Console step as an exact code span", () => {
    const name = 'Acme *Bold* `x` "Q" | Co';
    const blocked = action({
      key: "acme",
      kind: "primary-business",
      action: "blocked",
      consoleSteps: [`Create it with the friendly name ${JSON.stringify(name)} (exactly)`],
    });
    const md = renderMarkdown(plan([blocked]));
    expect(md).toContain(
      '1. Create it with the friendly name ``Acme *Bold* `x` "Q" | Co`` (exactly)',
    );
  });
});

describe("a submit-only action", () => {
  const submitOnly = action({ submit: true, reasons: ["in sync; submit for review"] });
  it("reads as a submit in text and markdown, not as an update", () => {
    const text = renderText(plan([submitOnly]), { color: false });
    expect(text).toContain(`secondary brand BU${"1".repeat(32)} [draft]: submit for review`);
    expect(text).not.toContain("update, then submit");
    const md = renderMarkdown(plan([submitOnly]));
    expect(md).toContain("<code>brand</code> submit for review</summary>");
  });
});
