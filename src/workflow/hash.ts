/** sha256 hex through node:crypto for the plan checksum (src/plan is pure and takes it as an option). */
import { createHash } from "node:crypto";

export const sha256Hex = (text: string): string =>
  createHash("sha256").update(text, "utf8").digest("hex");
