/**
 * Twilio's OpenAPI specs as validators: each operation's request (path, query
 * and form parameters) and response schemas, compiled with ajv. Resource
 * schemas are tightened so a reply must carry exactly the spec's fields.
 */
import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const SPEC_DIR = "node_modules/@twilio-alpha/mcp/twilio-oai/spec/json";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Operation {
  id: string;
  method: string;
  path: string;
  re: RegExp;
  pathNames: string[];
  params: ValidateFunction;
  form: ValidateFunction | null;
  formKeys: Set<string>;
  responses: Map<number, ValidateFunction | null>;
}

function rewriteRefs(node: unknown, prefix: string): unknown {
  if (Array.isArray(node)) return node.map((n) => rewriteRefs(n, prefix));
  if (node && typeof node === "object") {
    const out: Json = {};
    const obj = node as Json;
    for (const [k, v] of Object.entries(obj)) {
      // OpenAPI 3.0 `nullable` on a schema with no `type` adds nothing; ajv refuses it.
      if (k === "nullable" && obj["type"] === undefined) continue;
      out[k] =
        k === "$ref" && typeof v === "string" && v.startsWith("#")
          ? prefix + v
          : rewriteRefs(v, prefix);
    }
    return out;
  }
  return node;
}

/** Exact fields: required = every property, no others. */
function tighten(schema: Json): Json {
  if (schema["properties"] && typeof schema["properties"] === "object") {
    return {
      ...schema,
      required: Object.keys(schema["properties"] as Json),
      additionalProperties: false,
    };
  }
  return schema;
}

export function loadSpecs(resourcePaths: RegExp): Operation[] {
  const ops: Operation[] = [];
  for (const [file, id] of [
    ["twilio_trusthub_v1.json", "trusthub"],
    ["twilio_api_v2010.json", "api2010"],
  ] as const) {
    const ajv = new Ajv({ strict: false, allErrors: true, coerceTypes: true });
    addFormats(ajv);
    ajv.addFormat("uri-map", true);
    ajv.addFormat(
      "date-time-rfc-2822",
      /^[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d \+0000$/,
    );
    ajv.addFormat("iso-country-code", /^[A-Z]{2}$/);
    ajv.addFormat("phone-number", true);
    ajv.addFormat("phone-number-capabilities", true);
    ajv.addFormat("http-method", /^(GET|POST|PUT|DELETE|HEAD|PATCH)$/);
    // The 2010 spec marks its relative `*_uri` fields (its own examples are relative) as `uri`.
    if (id === "api2010") ajv.addFormat("uri", /^(\/|https?:\/\/)[^\s]*$/);
    const spec = JSON.parse(readFileSync(`${SPEC_DIR}/${file}`, "utf8")) as Json;
    const schemas: Json = {};
    for (const [name, s] of Object.entries(spec["components"]["schemas"] as Json)) {
      schemas[name] =
        /^(trusthub\.v1\.|api\.v2010\.account\.(address|incoming_phone_number)$)/.test(name)
          ? tighten(s as Json)
          : s;
    }
    ajv.addSchema(rewriteRefs({ components: { schemas } }, id) as Json, id);
    for (const [path, item] of Object.entries(spec["paths"] as Json)) {
      if (!resourcePaths.test(path)) continue;
      for (const method of ["get", "post", "delete"]) {
        const op = (item as Json)[method] as Json | undefined;
        if (!op) continue;
        const pathNames = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
        const props: Json = {};
        const required: string[] = [];
        for (const p of (op["parameters"] ?? []) as Json[]) {
          props[p["name"] as string] = p["schema"];
          if (p["required"]) required.push(p["name"] as string);
        }
        const params = ajv.compile(
          rewriteRefs(
            { type: "object", properties: props, required, additionalProperties: false },
            id,
          ) as Json,
        );
        const formSchema = op["requestBody"]?.["content"]?.["application/x-www-form-urlencoded"]?.[
          "schema"
        ] as Json | undefined;
        const responses = new Map<number, ValidateFunction | null>();
        for (const [code, r] of Object.entries(op["responses"] as Json)) {
          const schema = (r as Json)["content"]?.["application/json"]?.["schema"] as
            Json | undefined;
          if (!schema) {
            responses.set(Number(code), null);
            continue;
          }
          const meta = schema["properties"]?.["meta"];
          const tightened = meta
            ? { ...schema, properties: { ...schema["properties"], meta: tighten(meta as Json) } }
            : schema;
          responses.set(Number(code), ajv.compile(rewriteRefs(tighten(tightened), id) as Json));
        }
        ops.push({
          id: op["operationId"] as string,
          method: method.toUpperCase(),
          path,
          re: new RegExp(`^${path.replace(/\./g, "\\.").replace(/\{\w+\}/g, "([^/]+)")}$`),
          pathNames,
          params,
          form: formSchema ? ajv.compile(rewriteRefs(formSchema, id) as Json) : null,
          formKeys: new Set(Object.keys((formSchema?.["properties"] ?? {}) as Json)),
          responses,
        });
      }
    }
  }
  return ops;
}
