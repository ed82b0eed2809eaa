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
import { stableStringify, stableStringifyTo, stableText, type StableText } from "./stable-json.ts";

/** Version of the checksum's payload (bumped only when its shape changes for every plan). */
export const CHECKSUM_PAYLOAD_VERSION = 1;

export interface ChecksumInput {
  config: Config;
  accountSid: string;
  targets: string[];
  fingerprints: Fingerprints;
  /** Unredacted actions. */
  actions: ProfileAction[];
  /**
   * The config's part of the payload, rendered ahead from this same `config`
   * (checksumConfigText, issue 15); used when the hash streams.
   */
  configText?: StableText;
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

/** A declared profile as the checksum sees it. */
export function checksumProfile<
  T extends { source: unknown; phoneNumbers: unknown[]; trustProducts: unknown[] },
>(p: T): Omit<T, "source"> {
  // Issue 14 fields are left out when empty, so a config without them keeps its checksum.
  const { source: _source, ...rest } = p;
  void _source;
  const out: Partial<T> = { ...(rest as Partial<T>) };
  if (p.phoneNumbers.length === 0) delete out.phoneNumbers;
  if (p.trustProducts.length === 0) delete out.trustProducts;
  return out as Omit<T, "source">;
}

/**
 * The payload's config as stableStringify renders it, from each declared
 * profile's stableStringify(checksumProfile(p)) (`texts`: the primary's first,
 * then the secondaries', in the config's order).
 */
export function checksumConfigText(config: Config, texts: string[]): StableText {
  const skip = config.primary === undefined ? 0 : 1;
  if (texts.length !== skip + config.secondaries.length) {
    throw new Error("checksumConfigText: one text per declared profile");
  }
  const order = config.secondaries
    .map((s, i) => ({ key: s.key, i }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  // Pieces, not one joined text: 9 MB at 10,000 profiles, held while the lists arrive.
  const pieces = ['{"primary":', skip === 0 ? "null" : texts[0]!, ',"secondaries":['];
  order.forEach(({ i }, n) => {
    if (n > 0) pieces.push(",");
    pieces.push(texts[skip + i]!);
  });
  pieces.push("]}");
  return stableText(pieces);
}

export function planChecksum(input: ChecksumInput, hash: HashHex = sha256Hex): string {
  const { primary, secondaries } = input.config;
  const strip = checksumProfile;
  const streams = hash.stream !== undefined;
  const payload = {
    // The payload's own version, not the plan's: format 2 (trust products) added keys only
    // present when a plan has products, so a plan without any keeps its checksum.
    format_version: CHECKSUM_PAYLOAD_VERSION,
    accountSid: input.accountSid,
    targets: [...input.targets].sort(),
    config:
      streams && input.configText !== undefined
        ? input.configText
        : {
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
