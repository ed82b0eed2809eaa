/** The package's own version, for `trusthub --version` (package.json two levels up from src/ or dist/). */
import { readFileSync } from "node:fs";
import { join } from "node:path";

export function packageVersion(): string {
  const file = join(import.meta.dirname, "..", "..", "package.json");
  return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
}
