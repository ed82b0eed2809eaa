/**
 * The node:http request handler: body limits, auth, fault injection, routing,
 * durable persistence before answering, request log, and Twilio's headers.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { randomBytes } from "node:crypto";
import { authenticate } from "./auth.ts";
import type { Engine } from "./engine.ts";
import { ApiError } from "./errors.ts";
import { checkLimits } from "./limits.ts";
import { Params } from "./params.ts";
import type { Persister } from "./persist.ts";
import type { Router } from "./router.ts";

export const MAX_BODY_BYTES = 1024 * 1024;

/** One request and its answer, for tests that validate the wire format. */
export interface Exchange {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  form: Record<string, string | string[]>;
  status: number;
  body: unknown;
}

export interface HandlerDeps {
  engine: Engine;
  api: Router;
  sandbox: Router;
  persister: Persister | null;
  onExchange?: ((e: Exchange) => void) | undefined;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new ApiError(413, 20001, `Request body larger than ${MAX_BODY_BYTES} bytes`));
        req.resume();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", () => reject(new ApiError(400, 20001, "Request body incomplete")));
    // A client that hangs up mid-body: settle, so nothing waits forever.
    req.on("close", () => {
      if (!req.complete) reject(new ApiError(400, 20001, "Request body incomplete"));
    });
  });
}

function baseUrl(req: IncomingMessage): string {
  const host = req.headers.host;
  const local = req.socket.localAddress ?? "127.0.0.1";
  const fallback = `${local.includes(":") ? `[${local}]` : local}:${req.socket.localPort ?? 80}`;
  return `http://${host && /^[A-Za-z0-9.\-:[\]]+$/.test(host) ? host : fallback}`;
}

export function createHandler(
  deps: HandlerDeps,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void handle(deps, req, res).catch(() => {
      if (!res.headersSent) {
        res.writeHead(500, { "Content-Type": "application/json; charset=utf-8" });
        res.end(JSON.stringify(new ApiError(500, 20500, "Internal Server Error").body()));
      } else res.end();
    });
  };
}

async function handle(deps: HandlerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { engine } = deps;
  const method = (req.method ?? "GET").toUpperCase();
  const target = req.url ?? "/";
  const qIndex = target.indexOf("?");
  const path = qIndex < 0 ? target : target.slice(0, qIndex);
  const search = qIndex < 0 ? "" : target.slice(qIndex + 1);
  const sandbox = path === "/__sandbox" || path.startsWith("/__sandbox/");
  const at = engine.now();
  let status = 500;
  let body: unknown = null;
  let headers: Record<string, string> = {};
  let accountSid: string | null = null;
  let query = new Params();
  let form = new Params();
  if (!sandbox) engine.faults.inFlight++;
  let mutated = false;
  try {
    const raw = await readBody(req);
    query = Params.parse(search);
    const acct = authenticate(engine.store, req.headers.authorization);
    accountSid = acct.account.sid;
    if (!sandbox) await engine.faults.apply();
    const contentType = req.headers["content-type"] ?? "";
    if (method === "POST" && !contentType.includes("json")) form = Params.parse(raw);
    const { handler, params } = (sandbox ? deps.sandbox : deps.api).match(
      method,
      path,
      path.replace(/^\/v1/, ""),
    );
    if (!sandbox && method === "POST") checkLimits(path, form);
    const v0 = engine.store.version;
    let reply;
    try {
      reply = handler({ engine, acct, params, query, form, raw, base: baseUrl(req), method, path });
    } finally {
      mutated = engine.store.version !== v0;
    }
    status = reply.status;
    body = reply.body ?? null;
  } catch (e) {
    if (!(e instanceof ApiError)) engine.recordInternalError(method, path, e);
    const err = e instanceof ApiError ? e : new ApiError(500, 20500, "Internal Server Error");
    status = err.status;
    body = err.body();
    headers = err.headers;
  } finally {
    if (!sandbox) engine.faults.inFlight--;
  }
  if (deps.persister && mutated) {
    try {
      await deps.persister.flush();
    } catch {
      status = 500;
      body = new ApiError(500, 20500, "Internal Server Error: could not persist the change").body();
    }
  }
  if (!sandbox) engine.requestLog.add({ method, path, status, accountSid, at });
  deps.onExchange?.({ method, path, query: query.toObject(), form: form.toObject(), status, body });
  const text = status === 204 ? "" : JSON.stringify(body);
  res.writeHead(status, {
    ...(status === 204 ? {} : { "Content-Type": "application/json; charset=utf-8" }),
    "Twilio-Request-Id": `RQ${randomBytes(16).toString("hex")}`,
    "Twilio-Concurrent-Requests": String(engine.faults.inFlight + 1),
    ...headers,
  });
  res.end(text);
}

/** Requests Node's parser refuses (URL or headers too long, bad framing) still get Twilio's body. */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Duplex): void {
  const status = err.code === "HPE_HEADER_OVERFLOW" ? 431 : 400;
  const reason = status === 431 ? "Request Header Fields Too Large" : "Bad Request";
  const body = JSON.stringify(
    new ApiError(status, 20001, `Malformed request (${err.code ?? "error"})`).body(),
  );
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
