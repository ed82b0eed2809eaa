/**
 * Maps a JSON pointer inside one YAML document back to a source position,
 * through yaml's node ranges and a LineCounter. Aliases are followed to their
 * anchors. Used for schema errors, env references and rule diagnostics.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from "yaml";
import type { SourceRef } from "../model/config.ts";
import { pointerSegments } from "./diagnostic.ts";

/**
 * - "value": the value node at the pointer (or its key when the value is empty);
 * - "key": the map key naming the last segment (seq items: the item itself);
 * - "parent": the object that holds the pointer (its key, when it has one).
 */
export type Anchor = "value" | "key" | "parent";

interface Step {
  node: Node | null;
  /** The key node that led to `node`, when reached through a map. */
  key: Node | null;
}

export class DocumentPositions {
  readonly file: string;
  private readonly doc: Document.Parsed;
  private readonly lines: LineCounter;

  constructor(file: string, doc: Document.Parsed, lines: LineCounter) {
    this.file = file;
    this.doc = doc;
    this.lines = lines;
  }

  /** Position of the pointer; falls back to the nearest existing ancestor. */
  at(pointer: string, anchor: Anchor = "value"): SourceRef {
    const segments = pointerSegments(pointer);
    const target = anchor === "parent" ? segments.slice(0, -1) : segments;
    const steps = this.walk(target);
    const last = steps[steps.length - 1];
    const found = steps.length === target.length + 1;
    // Not found: the nearest existing ancestor, by its key.
    const node =
      found && anchor === "value" ? (last?.node ?? last?.key) : (last?.key ?? last?.node);
    return this.ref(node?.range?.[0] ?? this.doc.range[0]);
  }

  /** Offset range [start, end) of the value node at the pointer, if present. */
  valueRange(pointer: string): [number, number] | undefined {
    const steps = this.walk(pointerSegments(pointer));
    const node = steps[steps.length - 1]?.node;
    return node?.range ? [node.range[0], node.range[1]] : undefined;
  }

  ref(offset: number): SourceRef {
    const { line, col } = this.lines.linePos(offset);
    return { file: this.file, line, column: col };
  }

  /** Steps from the root; stops early at the first segment that does not exist. */
  private walk(segments: string[]): Step[] {
    const steps: Step[] = [{ node: this.deref(this.doc.contents), key: null }];
    for (const seg of segments) {
      const current = steps[steps.length - 1]?.node ?? null;
      const next = this.child(current, seg);
      if (!next) break;
      steps.push(next);
    }
    return steps;
  }

  private child(node: Node | null, seg: string): Step | undefined {
    if (isMap(node)) {
      for (const pair of node.items) {
        const k = pair.key;
        const name = isScalar(k) ? String(k.value) : undefined;
        if (name === seg) {
          return { node: this.deref(pair.value as Node | null), key: k as Node };
        }
      }
      return undefined;
    }
    if (isSeq(node) && /^\d+$/.test(seg)) {
      const item = node.items[Number(seg)] as Node | null | undefined;
      return item === undefined ? undefined : { node: this.deref(item), key: null };
    }
    return undefined;
  }

  private deref(node: Node | null | undefined): Node | null {
    if (isAlias(node)) return (node.resolve(this.doc) as Node | undefined) ?? node;
    return node ?? null;
  }
}
