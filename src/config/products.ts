/**
 * Normalisation of a profile's phone numbers and trust products (issue 14):
 * numbers in E.164 (national formats read with the address country), sorted
 * and unique; each product keyed `<profile key>/<kind>` in TrustProductKind
 * order, with friendlyName, email, statusCallback and submit defaulting from
 * its profile; a voice product's numbers default to all of the profile's, an
 * A2P messaging profile has none.
 */
import { FRIENDLY_NAME_MAX_LENGTH } from "../domain/limits.ts";
import type {
  SourceRef,
  TrustProduct,
  TrustProductKind,
  WrittenTrustProductBase,
  WrittenTrustProducts,
  WrittenVoiceProduct,
} from "../model/config.ts";
import { toE164 } from "./phone.ts";
import { plain } from "./unlisted.ts";

/** Each kind: its field under `trustProducts` and its default name suffix, in plan order. */
export const PRODUCT_KINDS: readonly {
  kind: TrustProductKind;
  field: keyof WrittenTrustProducts;
  suffix: string;
}[] = [
  { kind: "a2p-messaging", field: "a2pMessaging", suffix: "A2P Messaging" },
  { kind: "shaken-stir", field: "shakenStir", suffix: "SHAKEN/STIR" },
  { kind: "cnam", field: "cnam", suffix: "CNAM" },
  { kind: "voice-integrity", field: "voiceIntegrity", suffix: "Voice Integrity" },
];

/** The voice products: their numbers are a subset of the profile's, at least one. */
export const VOICE_FIELDS = ["shakenStir", "cnam", "voiceIntegrity"] as const;

/** What a product takes from its profile (after the profile's own defaults). */
export interface ProductParent {
  key: string;
  friendlyName: string;
  email: string;
  statusCallback: string;
  submit: boolean;
  /** Normalised (E.164, sorted, unique). */
  phoneNumbers: string[];
  /** The profile's address country, for national number formats. */
  country: string;
}

/** `<profile friendlyName> <suffix>`, the profile's name cut so the whole fits 64 characters. */
export function defaultProductName(profileName: string, suffix: string): string {
  const room = FRIENDLY_NAME_MAX_LENGTH - [...suffix].length - 1;
  const chars = [...profileName];
  const base = chars.length <= room ? profileName : chars.slice(0, room).join("").trimEnd();
  return `${base} ${suffix}`;
}

/** E.164, sorted, unique; throws on a number the rules should have refused. */
export function normalizeNumbers(
  numbers: readonly string[] | undefined,
  country: string,
): string[] {
  const out = new Set<string>();
  for (const n of numbers ?? []) {
    const e164 = toE164(n, country);
    if (e164 === undefined) throw new Error("internal: phone number invalid after validation");
    out.add(e164);
  }
  return [...out].sort();
}

export function normalizeProducts(
  written: WrittenTrustProducts | undefined,
  parent: ProductParent,
  at: (field: keyof WrittenTrustProducts) => SourceRef,
): TrustProduct[] {
  if (written === undefined) return [];
  const base = (w: WrittenTrustProductBase, i: number) => {
    const { kind, field, suffix } = PRODUCT_KINDS[i]!;
    return {
      kind,
      key: `${parent.key}/${kind}`,
      profileKey: parent.key,
      friendlyName: w.friendlyName ?? defaultProductName(parent.friendlyName, suffix),
      email: w.email ?? parent.email,
      statusCallback: w.statusCallback ?? parent.statusCallback,
      ...(w.sid !== undefined ? { sid: w.sid } : {}),
      submit: w.submit ?? parent.submit,
      source: at(field),
    };
  };
  const numbers = (v: WrittenVoiceProduct) =>
    v.phoneNumbers === undefined
      ? [...parent.phoneNumbers]
      : normalizeNumbers(v.phoneNumbers, parent.country);
  const { a2pMessaging: a2p, shakenStir: ss, cnam, voiceIntegrity: vi } = written;
  const out: TrustProduct[] = [];
  if (a2p) {
    out.push({
      ...base(a2p, 0),
      kind: "a2p-messaging",
      phoneNumbers: [],
      companyType: plain(a2p.companyType),
      ...optional("stockExchange", a2p.stockExchange),
      ...optional("stockTicker", a2p.stockTicker),
    });
  }
  if (ss) out.push({ ...base(ss, 1), kind: "shaken-stir", phoneNumbers: numbers(ss) });
  if (cnam) {
    out.push({
      ...base(cnam, 2),
      kind: "cnam",
      phoneNumbers: numbers(cnam),
      displayName: cnam.displayName,
    });
  }
  if (vi) {
    out.push({
      ...base(vi, 3),
      kind: "voice-integrity",
      phoneNumbers: numbers(vi),
      useCase: vi.useCase,
      employeeCount: vi.employeeCount,
      averageDailyCallVolume: vi.averageDailyCallVolume,
      ...optional("notes", vi.notes),
    });
  }
  return out;
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}
