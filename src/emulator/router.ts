/** A tiny router: path patterns with `{Name}` segments, 405 for a known path with another method. */
import type { Engine } from "./engine.ts";
import { ApiError } from "./errors.ts";
import type { Params } from "./params.ts";
import type { AccountData } from "./store.ts";

export interface Ctx {
  engine: Engine;
  acct: AccountData;
  params: Record<string, string>;
  query: Params;
  form: Params;
  /** The raw request body (sandbox controls take JSON). */
  raw: string;
  /** http://host:port as the client addressed us. */
  base: string;
  method: string;
  path: string;
}

export interface Reply {
  status: number;
  body?: unknown;
}

export type Handler = (ctx: Ctx) => Reply;

interface Route {
  method: string;
  re: RegExp;
  names: string[];
  handler: Handler;
}

export class Router {
  private readonly routes: Route[] = [];

  on(method: string, pattern: string, handler: Handler): this {
    const names: string[] = [];
    const src = pattern
      .split("/")
      .map((seg) => {
        const m = /^\{(\w+)\}(.*)$/.exec(seg);
        if (!m) return seg.replace(/[.]/g, "\\.");
        names.push(m[1]!);
        return `([^/]+?)${m[2]!.replace(/[.]/g, "\\.")}`;
      })
      .join("/");
    this.routes.push({ method, re: new RegExp(`^${src}$`), names, handler });
    return this;
  }

  /** The handler for a request, or a 404/405 ApiError. */
  match(
    method: string,
    path: string,
    notFoundPath: string,
  ): { handler: Handler; params: Record<string, string> } {
    let pathKnown = false;
    for (const r of this.routes) {
      const m = r.re.exec(path);
      if (!m) continue;
      pathKnown = true;
      if (r.method !== method) continue;
      const params: Record<string, string> = {};
      r.names.forEach((n, i) => {
        params[n] = decodeSegment(m[i + 1]!);
      });
      return { handler: r.handler, params };
    }
    if (pathKnown)
      throw new ApiError(405, 20004, `Method ${method} not allowed on ${notFoundPath}`);
    throw new ApiError(404, 20404, `The requested resource ${notFoundPath} was not found`);
  }
}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
