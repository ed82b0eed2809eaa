/**
 * Issue 16 items 5 and 10 through the CLI (run() in-process): one error for a
 * tab-indented file, duplicate keys named with their first position, "no
 * configuration found", fixed-width masks, nothing raw from a file that does
 * not parse, control characters escaped, long lines cut, UTF-16/32 named.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.ts";
import { PRIMARY_ONLY } from "../fixtures/fixture-bases.ts";
import { edit } from "../fixtures/fixture-kit.ts";
import { memoryIo, pos, tempDir, validate } from "./helpers.ts";

async function check(files: Record<string, string | Buffer>, args: string[] = ["."]) {
  const dir = tempDir({});
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  const io = memoryIo(dir);
  const code = await validate(args, io);
  return { code, err: io.err, out: io.out, dir };
}

describe("diagnostics a user can act on", () => {
  it("a tab-indented file gives one error, at the first tab", async () => {
    const text = PRIMARY_ONLY.replace(/^ {2}/gm, "\t");
    const r = await check({ "t.yaml": text });
    expect(r.code).toBe(1);
    expect(r.err.match(/ error /g)).toHaveLength(1);
    const first = text.split("\n").findIndex((l) => l.startsWith("\t")) + 1;
    expect(r.err).toMatch(
      new RegExp(
        `^t\\.yaml:${first}:1: error yaml/syntax: tabs are not allowed as indentation \\(\\d+ lines start with a tab; this is the first\\): indent with spaces`,
        "m",
      ),
    );
    expect(r.err).toContain("invalid: 1 error, 0 warnings in 1 file");
  });

  it("yaml/duplicate-key names the key and where it first appears", async () => {
    const text = "version: 1\nsecondaries:\n  - key: a\n    friendlyName: A\n    key: b\n";
    const r = await check({ "d.yaml": text });
    expect(r.err).toContain(
      'd.yaml:5:5: error yaml/duplicate-key: duplicate key "key": first at line 3, column 5',
    );
  });

  it.each([
    ["tech", "TECHNOLOGY"],
    ["Health care", "HEALTHCARE"],
    ["TECHNOLGY", "TECHNOLOGY"],
  ])("an enumeration written %j suggests %j", async (written, meant) => {
    const text = edit(PRIMARY_ONLY, "industry: TECHNOLOGY", `industry: ${written}`);
    const r = await check({ "e.yaml": text });
    expect(r.err).toContain(
      `error schema/enum: primary.business.industry is not an allowed value (did you mean "${meant}"?)`,
    );
  });

  it.each([["validate"], ["plan"]])(
    "%s in a folder without configuration says where it looked, exit 1",
    async (command) => {
      const dir = tempDir({});
      const io = memoryIo(dir);
      expect(await run(["node", "trusthub", command], io)).toBe(1);
      expect(io.err).toContain(
        `no configuration found: looked for ./trusthub.yaml and ./trusthub/ in ${dir}`,
      );
      expect(io.err).not.toContain("invalid (1 error)");
    },
  );

  it("masks personal values with a fixed-width mask, keeping the caret under its column", async () => {
    const text = edit(
      PRIMARY_ONLY,
      "    industry: TECHNOLOGY\n",
      "    industry: TECHNOLOGY\n    colour: blue\n",
    );
    const email = /email: (\S+)/.exec(text)![1]!;
    const withLong = text.replace(
      `email: ${email}`,
      "email: averyveryveryverylongname@example.example",
    );
    const r = await check({
      "p.yaml": withLong.replace("friendlyName:", "friendlyName: [1]\n  x:"),
    });
    expect(r.err).not.toContain("averyvery");
    for (const line of r.err.split("\n").filter((l) => /\*/.test(l))) {
      expect(line).toMatch(/(^|[^*])\*{8}([^*]|$)/);
      expect(line).not.toMatch(/\*{9}/);
    }
  });

  it("a .env file given to validate prints no value, only the keys", async () => {
    const env =
      'REP1_FIRST_NAME=Quintessa\nREP1_EMAIL="quin@private.example"\nexport REP1_PHONE=+12025550199\n# Quintessa\'s data\n';
    const r = await check({ "trusthub.env": env }, ["trusthub.env"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("REP1_FIRST_NAME=********");
    for (const v of ["Quintessa", "quin@private", "2025550199"]) expect(r.err).not.toContain(v);
  });

  it("a mapping that is not a trusthub file (no version) prints no value", async () => {
    const r = await check({ "colon.env": "FIRST_NAME: Quintessa\nREGION: Qzland\n" }, [
      "colon.env",
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("FIRST_NAME: ********");
    expect(r.err).not.toMatch(/Quintessa|Qzland/);
  });

  it("a file with a syntax error prints no value on any line", async () => {
    const text =
      'version: 1\nprimary:\n  friendlyName: "Quintessa Cafe\n  email: quin@private.example\n';
    const r = await check({ "s.yaml": text });
    expect(r.code).toBe(1);
    expect(r.err).not.toMatch(/Quintessa|quin@private/);
  });

  it("control characters from a file are shown escaped, never raw", async () => {
    const hostile = "Ab\u001b]0;pwned\u0007\u001b[2J\u0000\u009b\u202e";
    const text = `version: 1\nprimary:\n  type: business\n  key: ${hostile}\n  "x\u001b[31m": 1\n`;
    const r = await check({ "c.yaml": text });
    expect(r.code).toBe(1);
    expect(r.err).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(r.err).toContain("Ab\\x1b]0;pwned\\x07\\x1b[2J\\x00\\x9b\\u202e");
  });

  it("a 5 MB single-line file is not echoed whole", async () => {
    const long = "a".repeat(5_000_000);
    const text = `{version: 1, secondaries: [], ${long}: 1, oops: 2}`;
    const r = await check({ "big.yaml": `${text}\n` });
    expect(r.code).toBe(1);
    expect(r.err.length).toBeLessThan(2_000);
    const shown = r.err.split("\n").filter((l) => l.startsWith("1 | "));
    expect(shown).toHaveLength(2);
    for (const l of shown) expect(l.length).toBeLessThan(130);
    expect(shown[1]).toMatch(/^1 \| …a+: 1, oops: \*{8}$/);
    expect(r.err).toContain(`big.yaml:1:${pos(text, "oops").column}: error schema/unknown-field`);
  });

  it.each([
    ["UTF-16LE (byte-order mark FF FE)", Buffer.from("\ufeffversion: 1\n", "utf16le")],
    ["UTF-32LE (byte-order mark FF FE 00 00)", Buffer.from([0xff, 0xfe, 0, 0, 0x76, 0, 0, 0])],
    ["UTF-16BE", Buffer.from("version: 1\n", "utf16le").swap16()],
  ])("a %s file is named as the wrong encoding", async (what, bytes) => {
    const r = await check({ "w.yaml": bytes });
    expect(r.code).toBe(1);
    expect(r.err).toContain(`w.yaml: error io/encoding: the file is ${what}, not UTF-8`);
  });
});
