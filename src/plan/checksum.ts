/**
 * The plan checksum: sha256 over stable JSON of what the plan was computed
 * from and what it says. Apply recomputes the plan and refuses a saved one
 * whose checksum differs (EXIT.stalePlan).
 *
 * Included: the normalised config without `source` positions and without the
 * file list (moving or reformatting YAML does not change its meaning), the
 * target account SID (not the URL: the sandbox listens on a new port each
 * run), the `--target` selection, the observed fingerprints (status and
 * date_updated of every live profile the plan matched) and the actions with
 * their unredacted field values, trust products included (issue 14). The last item catches edits to end users or
 * addresses that do not touch the profile's date_updated. The digest reveals
 * nothing readable, so plan files stay free of personal data.
 */
import type { Config } from "../model/config.ts";
import type { Fingerprints, ProfileAction } from "../model/plan.ts";
import { sha256Hex } from "./sha256.ts";
import { stableStringify, stableStringifyTo } from "./stable-json.ts";

/** Version of the checksum's payload (bumped only when its shape changes for every plan). */
export const CHECKSUM_PAYLOAD_VERSION = 1;

export interface ChecksumInput {
  config: Config;
  accountSid: string;
  targets: string[];
  fingerprints: Fingerprints;
  /** Unredacted actions. */
  actions: ProfileAction[];
}

/**
 * Hex digest of a string; src/plan stays pure, so a faster one (node:crypto)
 * is passed in from src/workflow. With `stream`, the checksum's text is hashed
 * piece by piece instead of built whole (the same digest).
 */
export type HashHex = ((text: string) => string) & { stream?: () => HashStream };

export interface HashStream {
  update(piece: string): void;
  digest(): string;
}

export function planChecksum(input: ChecksumInput, hash: HashHex = sha256Hex): string {
  const { primary, secondaries } = input.config;
  // Issue 14 fields are left out when empty, so a config without them keeps its checksum.
  const strip = <T extends { source: unknown; phoneNumbers: unknown[]; trustProducts: unknown[] }>(
    p: T,
  ): Omit<T, "source"> => {
    const { source: _source, ...rest } = p;
    void _source;
    const out: Partial<T> = { ...(rest as Partial<T>) };
    if (p.phoneNumbers.length === 0) delete out.phoneNumbers;
    if (p.trustProducts.length === 0) delete out.trustProducts;
    return out as Omit<T, "source">;
  };
  const payload = {
    // The payload's own version, not the plan's: format 2 (trust products) added keys only
    // present when a plan has products, so a plan without any keeps its checksum.
    format_version: CHECKSUM_PAYLOAD_VERSION,
    accountSid: input.accountSid,
    targets: [...input.targets].sort(),
    config: {
      primary: primary ? strip(primary) : null,
      secondaries: secondaries
        .map(strip)
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
    },
    fingerprints: input.fingerprints,
    actions: input.actions.map((a) => ({
      key: a.key,
      action: a.action,
      sid: a.sid ?? null,
      submit: a.submit,
      changes: a.changes,
      // Issue 14: the trust products, with their unredacted changes (only when planned).
      ...(a.trustProducts !== undefined && {
        trustProducts: a.trustProducts.map((p) => ({
          key: p.key,
          action: p.action,
          sid: p.sid ?? null,
          submit: p.submit,
          changes: p.changes,
        })),
      }),
    })),
  };
  if (hash.stream === undefined) return `sha256:${hash(stableStringify(payload))}`;
  const stream = hash.stream();
  stableStringifyTo(payload, (piece) => stream.update(piece));
  return `sha256:${stream.digest()}`;
}
