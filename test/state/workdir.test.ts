/** `.trusthub/` ignores itself: `git add .` in a config repository never commits state or sandbox data. */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { trusthubDir } from "../../src/state/workdir.ts";

it("creates .trusthub/<sub> with a .gitignore of '*' that git honours", () => {
  const repo = mkdtempSync(join(tmpdir(), "trusthub-workdir-"));
  const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, encoding: "utf8" });
  git("init", "-q");
  expect(trusthubDir(repo, "state")).toBe(join(repo, ".trusthub", "state"));
  expect(readFileSync(join(repo, ".trusthub", ".gitignore"), "utf8")).toBe("*\n");
  writeFileSync(join(repo, ".trusthub", "sandbox-passphrase"), "secret\n");
  writeFileSync(join(repo, ".trusthub", "state", "x.json"), "{}");
  writeFileSync(join(repo, "trusthub.yaml"), "version: 1\n");
  git("add", ".");
  expect(git("diff", "--cached", "--name-only").trim()).toBe("trusthub.yaml");
});

it("adds the .gitignore to a .trusthub/ made by an older version, and keeps a user's own", () => {
  const cwd = mkdtempSync(join(tmpdir(), "trusthub-workdir-"));
  mkdirSync(join(cwd, ".trusthub", "state"), { recursive: true }); // as older versions left it
  trusthubDir(cwd);
  expect(readFileSync(join(cwd, ".trusthub", ".gitignore"), "utf8")).toBe("*\n");
  writeFileSync(join(cwd, ".trusthub", ".gitignore"), "*\n!notes.md\n");
  trusthubDir(cwd, "pulumi");
  expect(readFileSync(join(cwd, ".trusthub", ".gitignore"), "utf8")).toBe("*\n!notes.md\n");
  expect(existsSync(join(cwd, ".trusthub", "pulumi"))).toBe(true);
});
