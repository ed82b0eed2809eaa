/**
 * What a semantic rule sees: the schema-valid documents of all files, with a
 * way to turn a pointer into a position. Rules never see YAML.
 */
import type {
  Diagnostic,
  SourceRef,
  WrittenAddress,
  WrittenBusinessProfile,
  WrittenDocument,
  WrittenIndividualPrimary,
  WrittenPrimary,
} from "../../model/config.ts";
import type { Anchor } from "../positions.ts";

export interface RuleDocument {
  file: string;
  written: WrittenDocument;
  at(pointer: string, anchor?: Anchor): SourceRef;
}

export interface RuleContext {
  /** In load order (files sorted per directory, documents in file order). */
  documents: RuleDocument[];
  /** "Today", for age checks; injectable for tests. */
  now: Date;
  /** False when some documents failed YAML or schema checks and are not in `documents`. */
  complete: boolean;
}

export type Rule = (ctx: RuleContext) => Diagnostic[];

export interface ProfileEntry<P = WrittenPrimary | WrittenBusinessProfile> {
  doc: RuleDocument;
  /** "/primary" or "/secondaries/<i>". */
  pointer: string;
  role: "primary" | "secondary";
  profile: P;
}

/** allProfiles per context: about fifteen rules ask, 10,000 entries each at scale (issue 15). */
const profilesOf = new WeakMap<RuleContext, readonly ProfileEntry[]>();

/** Every profile of the context's documents; one shared array per context (do not modify it). */
export function allProfiles(ctx: RuleContext): readonly ProfileEntry[] {
  let out = profilesOf.get(ctx);
  if (out === undefined) {
    out = listProfiles(ctx);
    profilesOf.set(ctx, out);
  }
  return out;
}

function listProfiles(ctx: RuleContext): ProfileEntry[] {
  const out: ProfileEntry[] = [];
  for (const doc of ctx.documents) {
    const { primary, secondaries } = doc.written;
    if (primary) out.push({ doc, pointer: "/primary", role: "primary", profile: primary });
    (secondaries ?? []).forEach((profile, i) => {
      out.push({ doc, pointer: `/secondaries/${i}`, role: "secondary", profile });
    });
  }
  return out;
}

export function isIndividual(
  p: WrittenPrimary | WrittenBusinessProfile,
): p is WrittenIndividualPrimary {
  return "type" in p && p.type === "individual";
}

export function businessProfiles(ctx: RuleContext): ProfileEntry<WrittenBusinessProfile>[] {
  return allProfiles(ctx).filter(
    (e): e is ProfileEntry<WrittenBusinessProfile> => !isIndividual(e.profile),
  );
}

export function individualProfiles(ctx: RuleContext): ProfileEntry<WrittenIndividualPrimary>[] {
  return allProfiles(ctx).filter((e): e is ProfileEntry<WrittenIndividualPrimary> =>
    isIndividual(e.profile),
  );
}

export function addressOf(p: WrittenPrimary | WrittenBusinessProfile): WrittenAddress {
  return p.address;
}

export function where(ref: SourceRef): string {
  return `${ref.file}:${ref.line}:${ref.column}`;
}
