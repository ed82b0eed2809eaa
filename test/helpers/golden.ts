/**
 * Golden files: rendered output compared with a file committed next to the
 * test. A missing golden fails; goldens are written only by the explicit
 * update command, `npm run test:update-goldens` (UPDATE_GOLDEN=1), and the
 * diff is reviewed like code.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { expect } from "vitest";

export const UPDATE_GOLDENS = process.env["UPDATE_GOLDEN"] === "1";

export function expectGolden(file: string, actual: string): void {
  if (UPDATE_GOLDENS) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  if (!existsSync(file)) {
    throw new Error(
      `golden file ${file} is missing; write it with \`npm run test:update-goldens\` and review it`,
    );
  }
  expect(actual, `differs from the golden file ${file}`).toBe(readFileSync(file, "utf8"));
}
