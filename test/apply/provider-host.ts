/**
 * Drives @pulumi/pulumi's own dynamic-provider host (cmd/dynamic-provider) over
 * gRPC, exactly as the engine would, without the Pulumi CLI (pulumi.md §3.2).
 * What this leaves out: the engine's own steps (secret annotation, state
 * writes, the diff of inputs when a provider answers DIFF_UNKNOWN).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { once } from "node:events";

const require = createRequire(import.meta.url);
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-argument -- generated CJS protobuf modules have no types */
const grpc = require("@grpc/grpc-js");
const provrpc = require("@pulumi/pulumi/proto/provider_grpc_pb");
const provproto = require("@pulumi/pulumi/proto/provider_pb");
const structproto = require("google-protobuf/google/protobuf/struct_pb");
const statusproto = require("@pulumi/pulumi/proto/status_pb");
const hostPath = require.resolve("@pulumi/pulumi/cmd/dynamic-provider");

export const URN = "urn:pulumi:test::trusthub::pulumi-nodejs:dynamic:Resource::profile";

export interface HostError extends Error {
  /** Partial-create details (ErrorResourceInitFailed) when the provider reported them. */
  initFailed?: { id: string; properties: Record<string, unknown>; reasons: string[] };
}

export interface ProviderHost {
  check(
    olds: object,
    news: object,
  ): Promise<{ inputs: any; failures: { property: string; reason: string }[] }>;
  diff(id: string, olds: object, news: object): Promise<{ changes: number; replaces: string[] }>;
  create(props: object): Promise<{ id: string; properties: any }>;
  update(id: string, olds: object, news: object): Promise<{ properties: any }>;
  read(id: string, props: object): Promise<{ id: string; properties: any }>;
  delete(id: string, props: object): Promise<void>;
  close(): Promise<void>;
  stderr(): string;
}

const struct = (o: object) => structproto.Struct.fromJavaScript(JSON.parse(JSON.stringify(o)));

function decodeError(err: any): HostError {
  const e = new Error(err?.details ?? err?.message ?? String(err)) as HostError;
  const bin = err?.metadata?.get?.("grpc-status-details-bin")?.[0];
  if (bin) {
    const status = statusproto.Status.deserializeBinary(new Uint8Array(bin));
    for (const d of status.getDetailsList()) {
      const detail = d.unpack(
        provproto.ErrorResourceInitFailed.deserializeBinary,
        "pulumirpc.ErrorResourceInitFailed",
      );
      if (detail) {
        e.initFailed = {
          id: detail.getId(),
          properties: detail.getProperties()?.toJavaScript() ?? {},
          reasons: detail.getReasonsList(),
        };
      }
    }
  }
  return e;
}

export async function startProviderHost(env: Record<string, string>): Promise<ProviderHost> {
  const child: ChildProcess = spawn(process.execPath, [hostPath, "127.0.0.1:1"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let err = "";
  child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
  const [first] = (await once(child.stdout!, "data")) as [Buffer];
  const port = Number(first.toString().trim());
  const client = new provrpc.ResourceProviderClient(
    `127.0.0.1:${port}`,
    grpc.credentials.createInsecure(),
  );
  const call = <T>(method: string, req: any, map: (r: any) => T): Promise<T> =>
    new Promise((resolve, reject) => {
      client[method](req, (e: any, r: any) => (e ? reject(decodeError(e)) : resolve(map(r))));
    });
  return {
    check(olds, news) {
      const req = new provproto.CheckRequest();
      req.setUrn(URN);
      req.setOlds(struct(olds));
      req.setNews(struct(news));
      return call("check", req, (r) => ({
        inputs: r.getInputs()?.toJavaScript(),
        failures: r
          .getFailuresList()
          .map((f: any) => ({ property: f.getProperty(), reason: f.getReason() })),
      }));
    },
    diff(id, olds, news) {
      const req = new provproto.DiffRequest();
      req.setUrn(URN);
      req.setId(id);
      req.setOlds(struct(olds));
      req.setNews(struct(news));
      return call("diff", req, (r) => ({ changes: r.getChanges(), replaces: r.getReplacesList() }));
    },
    create(props) {
      const req = new provproto.CreateRequest();
      req.setUrn(URN);
      req.setProperties(struct(props));
      return call("create", req, (r) => ({
        id: r.getId(),
        properties: r.getProperties()?.toJavaScript(),
      }));
    },
    update(id, olds, news) {
      const req = new provproto.UpdateRequest();
      req.setUrn(URN);
      req.setId(id);
      req.setOlds(struct(olds));
      req.setNews(struct(news));
      return call("update", req, (r) => ({ properties: r.getProperties()?.toJavaScript() }));
    },
    read(id, props) {
      const req = new provproto.ReadRequest();
      req.setUrn(URN);
      req.setId(id);
      req.setProperties(struct(props));
      return call("read", req, (r) => ({
        id: r.getId(),
        properties: r.getProperties()?.toJavaScript(),
      }));
    },
    delete(id, props) {
      const req = new provproto.DeleteRequest();
      req.setUrn(URN);
      req.setId(id);
      req.setProperties(struct(props));
      return call("delete", req, () => undefined);
    },
    async close() {
      client.close();
      child.kill("SIGTERM");
      if (child.exitCode === null) await once(child, "exit");
    },
    stderr: () => err,
  };
}
