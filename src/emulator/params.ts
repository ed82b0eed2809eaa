/**
 * Form and query parsing as Twilio accepts them: `+` and `%20` both mean a
 * space, repeated keys make arrays, and a malformed escape is a 400.
 */
import { ApiError } from "./errors.ts";

export class Params {
  private readonly map = new Map<string, string[]>();

  static parse(text: string): Params {
    const p = new Params();
    if (text === "") return p;
    for (const part of text.split("&")) {
      if (part === "") continue;
      const eq = part.indexOf("=");
      const k = decode(eq < 0 ? part : part.slice(0, eq));
      const v = eq < 0 ? "" : decode(part.slice(eq + 1));
      p.add(k, v);
    }
    return p;
  }

  add(key: string, value: string): void {
    const list = this.map.get(key);
    if (list) list.push(value);
    else this.map.set(key, [value]);
  }

  get(key: string): string | undefined {
    return this.map.get(key)?.[0];
  }

  all(key: string): string[] {
    return this.map.get(key) ?? [];
  }

  has(key: string): boolean {
    return this.map.has(key);
  }

  keys(): string[] {
    return [...this.map.keys()];
  }

  toObject(): Record<string, string | string[]> {
    const out: Record<string, string | string[]> = {};
    for (const [k, v] of this.map) out[k] = v.length === 1 ? v[0]! : [...v];
    return out;
  }
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, " "));
  } catch {
    throw new ApiError(400, 20001, "Malformed percent-encoding in request");
  }
}
