/**
 * Positions of one parsed document after its YAML tree is dropped. The tree
 * (yaml's nodes with ranges) is several times the size of the text; keeping
 * it for every file until the rules finish held about 700 MB at 10,000
 * profiles. What a valid config always needs (the source of the primary, of
 * each secondary, of each trust product and of `account`) is computed before the tree goes; any other
 * position (a diagnostic) re-parses the file's text once, which gives exactly
 * the same positions.
 */
import type { SourceRef } from "../model/config.ts";
import { joinPointer } from "./diagnostic.ts";
import { parseYaml } from "./parse.ts";
import type { Anchor, DocumentPositions } from "./positions.ts";

export type Positions = Pick<DocumentPositions, "file" | "at" | "valueRange" | "ref">;

/** One file's text and, once a diagnostic asked for it, its re-parsed documents. */
export class FileReparse {
  readonly file: string;
  private readonly text: string;
  private docs: Map<number, DocumentPositions> | undefined;

  constructor(file: string, text: string) {
    this.file = file;
    this.text = text;
  }

  positions(index: number): DocumentPositions {
    this.docs ??= new Map(
      parseYaml(this.file, this.text).documents.map((d) => [d.index, d.positions]),
    );
    const p = this.docs.get(index);
    if (!p) throw new Error(`${this.file}: document ${index} is gone on re-parse`);
    return p;
  }
}

export class KeptPositions implements Positions {
  readonly file: string;
  private readonly kept: Map<string, SourceRef>;
  private readonly reparse: FileReparse;
  private readonly index: number;

  /** `kept`: positions by pointer (anchor "value"), e.g. from keptPositions or parseSplit. */
  constructor(reparse: FileReparse, index: number, kept: Map<string, SourceRef>) {
    this.file = reparse.file;
    this.reparse = reparse;
    this.index = index;
    this.kept = kept;
  }

  at(pointer: string, anchor: Anchor = "value"): SourceRef {
    const kept = anchor === "value" ? this.kept.get(pointer) : undefined;
    return kept ? { ...kept } : this.tree().at(pointer, anchor);
  }

  valueRange(pointer: string): [number, number] | undefined {
    return this.tree().valueRange(pointer);
  }

  ref(offset: number): SourceRef {
    return this.tree().ref(offset);
  }

  private tree(): DocumentPositions {
    return this.reparse.positions(this.index);
  }
}

/** The positions every valid config needs, from a document's tree. */
export function keptPositions(tree: DocumentPositions, value: unknown): Map<string, SourceRef> {
  const kept = new Map<string, SourceRef>();
  const pointers = ["/primary", "/account"];
  const root = value as { primary?: unknown; secondaries?: unknown } | null;
  pointers.push(...productPointers("/primary", root?.primary));
  const secondaries = root?.secondaries;
  if (Array.isArray(secondaries)) {
    secondaries.forEach((s, i) => {
      pointers.push(`/secondaries/${i}`, ...productPointers(`/secondaries/${i}`, s));
    });
  }
  for (const p of pointers) kept.set(p, tree.at(p));
  return kept;
}

/** `<profile>/trustProducts/<field>` of each product written as a mapping (its `source`). */
export function productPointers(profile: string, value: unknown): string[] {
  const products = isObject(value) ? value["trustProducts"] : undefined;
  if (!isObject(products)) return [];
  return Object.keys(products)
    .filter((k) => isObject(products[k]))
    .map((k) => joinPointer(`${profile}/trustProducts`, k));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
