/** sha256 hex through node:crypto for the plan checksum (src/plan is pure and takes it as an option). */
import { createHash } from "node:crypto";
import type { HashHex } from "../plan/checksum.ts";

export const sha256Hex: HashHex = Object.assign(
  (text: string): string => createHash("sha256").update(text, "utf8").digest("hex"),
  {
    /** Piece by piece: the checksum of 10,000 profiles without its whole text in memory. */
    stream: () => {
      const h = createHash("sha256");
      return {
        update: (piece: string) => void h.update(piece, "utf8"),
        digest: () => h.digest("hex"),
      };
    },
  },
);
