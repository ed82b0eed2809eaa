/**
 * A local HTTP server standing in for the parts of GitHub's REST API the
 * action calls, recording every call: issue comments (list with Link
 * pagination, create, update) and issue labels (list, add, remove) of one
 * repository. Tokens: `write` may do everything; `read` gets 403 on writes
 * ("Resource not accessible by integration", what a fork's pull request gets).
 *
 * Left out (the real GitHub has them): label colours and the repository's
 * label list (adding an unknown label to an issue creates it, as GitHub
 * does), rate limits and secondary rate limits, the 65,536-character body
 * limit, markdown rendering, reactions, GraphQL, conditional requests, the
 * `user` of a comment other than a fixed bot, and permissions beyond the
 * write/read split above.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Call {
  method: string;
  path: string;
  body?: unknown;
}

export interface StandIn {
  url: string;
  repo: string;
  calls: Call[];
  comments: Map<number, { id: number; issue: number; body: string }>;
  labels: Map<number, Set<string>>;
  writeToken: string;
  readToken: string;
  close(): Promise<void>;
}

const BOT = { login: "github-actions[bot]", type: "Bot" };

async function bodyOf(req: IncomingMessage): Promise<unknown> {
  let text = "";
  for await (const chunk of req) text += (chunk as Buffer).toString();
  return text === "" ? undefined : (JSON.parse(text) as unknown);
}

export async function startGitHub(repo = "acme/compliance", perPage = 2): Promise<StandIn> {
  const calls: Call[] = [];
  const comments = new Map<number, { id: number; issue: number; body: string }>();
  const labels = new Map<number, Set<string>>();
  let nextId = 1000;
  const s: Partial<StandIn> = { repo, calls, comments, labels };
  s.writeToken = "ghs_write_standin";
  s.readToken = "ghs_read_standin";
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://x");
      const body = await bodyOf(req);
      calls.push({ method: req.method ?? "", path: url.pathname + url.search, body });
      const send = (status: number, data?: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { "content-type": "application/json", ...headers });
        res.end(data === undefined ? "" : JSON.stringify(data));
      };
      const auth = req.headers.authorization ?? "";
      if (auth !== `Bearer ${s.writeToken}` && auth !== `Bearer ${s.readToken}`)
        return send(401, { message: "Bad credentials" });
      if (req.method !== "GET" && auth === `Bearer ${s.readToken}`)
        return send(403, { message: "Resource not accessible by integration" });
      const base = `/repos/${repo}/issues`;
      const html = (id: number) => `https://github.example/${repo}/pull/1#issuecomment-${id}`;
      const render = (c: { id: number; body: string }) => ({
        id: c.id,
        body: c.body,
        html_url: html(c.id),
        user: BOT,
      });
      let m: RegExpExecArray | null;
      if ((m = new RegExp(`^${base}/(\\d+)/comments$`).exec(url.pathname))) {
        const issue = Number(m[1]);
        if (req.method === "POST") {
          const c = { id: nextId++, issue, body: (body as { body: string }).body };
          comments.set(c.id, c);
          return send(201, render(c));
        }
        const list = [...comments.values()].filter((c) => c.issue === issue);
        const page = Number(url.searchParams.get("page") ?? "1");
        const slice = list.slice((page - 1) * perPage, page * perPage);
        const more = page * perPage < list.length;
        const next = `${s.url}${base}/${issue}/comments?per_page=${perPage}&page=${page + 1}`;
        return send(200, slice.map(render), more ? { link: `<${next}>; rel="next"` } : {});
      }
      if (
        (m = new RegExp(`^${base}/comments/(\\d+)$`).exec(url.pathname)) &&
        req.method === "PATCH"
      ) {
        const c = comments.get(Number(m[1]));
        if (!c) return send(404, { message: "Not Found" });
        c.body = (body as { body: string }).body;
        return send(200, render(c));
      }
      if ((m = new RegExp(`^${base}/(\\d+)/labels(?:/(.+))?$`).exec(url.pathname))) {
        const issue = Number(m[1]);
        const set = labels.get(issue) ?? new Set<string>();
        labels.set(issue, set);
        if (req.method === "POST")
          for (const l of (body as { labels: string[] }).labels) set.add(l);
        if (req.method === "DELETE") {
          const name = decodeURIComponent(m[2] ?? "");
          if (!set.delete(name)) return send(404, { message: "Label does not exist" });
        }
        return send(
          200,
          [...set].map((name) => ({ name })),
        );
      }
      return send(404, { message: "Not Found" });
    })();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  s.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  s.close = () => new Promise<void>((r) => server.close(() => r()));
  return s as StandIn;
}

/** Calls that change something (POST, PATCH, DELETE). */
export const writesOf = (calls: Call[]): string[] =>
  calls.filter((c) => c.method !== "GET").map((c) => `${c.method} ${c.path}`);
