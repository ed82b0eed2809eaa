/**
 * An insertion-ordered table: O(1) lookup by SID, items kept sorted by `seq`
 * so lists need no sorting and page tokens resolve by binary search.
 */
import type { Rec } from "./types.ts";

export class Table<T extends Rec> {
  readonly bySid = new Map<string, T>();
  readonly items: T[] = [];

  get size(): number {
    return this.items.length;
  }

  get(sid: string): T | undefined {
    return this.bySid.get(sid);
  }

  add(rec: T): void {
    this.bySid.set(rec.sid, rec);
    const last = this.items[this.items.length - 1];
    if (last === undefined || last.seq < rec.seq) this.items.push(rec);
    else this.items.splice(firstAfter(this.items, rec.seq - 1), 0, rec);
  }

  remove(sid: string): T | undefined {
    const rec = this.bySid.get(sid);
    if (rec === undefined) return undefined;
    this.bySid.delete(sid);
    const i = firstAfter(this.items, rec.seq - 1);
    if (this.items[i] === rec) this.items.splice(i, 1);
    return rec;
  }
}

/** Index of the first item whose seq is greater than `seq` (items sorted by seq). */
export function firstAfter(items: readonly Rec[], seq: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid]!.seq <= seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
