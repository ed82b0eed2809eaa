/**
 * The tool's working directory `.trusthub/` in the user's repository: sandbox
 * data with personal values, the sandbox passphrase, local Pulumi state. Created
 * with a `.gitignore` of `*`, so `git add .` in a config repository never commits it.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

/** `<cwd>/.trusthub/<sub...>`, created (with `.trusthub/.gitignore`) if missing. */
export function trusthubDir(cwd: string, ...sub: string[]): string {
  const root = resolve(cwd, ".trusthub");
  mkdirSync(root, { recursive: true });
  const ignore = join(root, ".gitignore");
  if (!existsSync(ignore)) {
    writeFileSync(ignore, "*\n");
  }
  const dir = join(root, ...sub);
  mkdirSync(dir, { recursive: true });
  return dir;
}
