/**
 * parse-fast.ts's positions of trust products: the start offsets of the values
 * under each profile's `trustProducts`, from js-yaml's node events.
 */

/**
 * The values under a profile's `trustProducts`: the profile mapping's children
 * alternate key and value one level down, and so do the children of
 * `trustProducts`. A mapping whose children do not alternate (a flow mapping
 * with a key and no value) keeps no product: yaml places them on re-parse.
 */
export class ProductEvents {
  readonly found: { profile: string; index: number; field: string; start: number }[] = [];
  private current: { pointer: string; depth: number; children: number; key: unknown } | undefined;
  private tp: { depth: number; children: number; key: unknown; from: number } | undefined;

  profile(pointer: string, depth: number): void {
    this.current = { pointer, depth, children: 0, key: undefined };
  }

  open(depth: number, start: number): void {
    const c = this.current;
    if (!c) return;
    if (depth === c.depth + 1 && c.children % 2 === 1 && c.key === "trustProducts") {
      this.tp = { depth, children: 0, key: undefined, from: this.found.length };
    }
    const tp = this.tp;
    if (tp && depth === tp.depth + 1 && tp.children % 2 === 1 && typeof tp.key === "string") {
      const index = c.pointer === "/primary" ? -1 : Number(c.pointer.slice("/secondaries/".length));
      this.found.push({ profile: c.pointer, index, field: tp.key, start });
    }
  }

  close(depth: number, result: unknown): void {
    const c = this.current;
    if (!c) return;
    const tp = this.tp;
    if (tp && depth === tp.depth + 1) {
      if (tp.children % 2 === 0) tp.key = result;
      tp.children++;
    } else if (tp && depth === tp.depth) {
      const keys = result !== null && typeof result === "object" ? Object.keys(result) : [];
      if (tp.children !== 2 * keys.length) this.found.length = tp.from;
      this.tp = undefined;
    }
    if (depth === c.depth + 1) {
      if (c.children % 2 === 0) c.key = result;
      c.children++;
    } else if (depth === c.depth) {
      this.current = undefined;
    }
  }
}
