/**
 * JSON Schema validation of one resolved document: ajv (draft 2020-12, all
 * errors) compiled once (and its code kept between runs: schema-cache.ts), each
 * error mapped to a stable code and a position.
 */
import type { ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import schema from "../../schemas/trusthub.schema.json" with { type: "json" };
import type { Diagnostic } from "../model/config.ts";
import { diagnostic, fieldLabel, joinPointer } from "./diagnostic.ts";
import type { Anchor } from "./positions.ts";
import type { Positions } from "./kept-positions.ts";
import { cachedValidator } from "./schema-cache.ts";

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  compiled ??= cachedValidator(schema, { allErrors: true, strict: true, verbose: true });
  return compiled;
}

export function validateSchema(
  value: unknown,
  positions: Pick<Positions, "at">,
  skip: ReadonlySet<string>,
): Diagnostic[] {
  const validate = validator();
  if (validate(value)) return [];
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    const mapped = mapError(error);
    if (!mapped || skip.has(mapped.pointer)) continue;
    const id = `${mapped.code} ${mapped.pointer}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(
      diagnostic(
        mapped.code,
        "error",
        mapped.message,
        positions.at(mapped.pointer, mapped.anchor),
        mapped.pointer,
      ),
    );
  }
  return out;
}

interface Mapped {
  code: string;
  message: string;
  pointer: string;
  anchor: Anchor;
}

const TYPE_NAMES: Record<string, string> = {
  object: "a mapping",
  array: "a list",
  string: "a string",
  boolean: "true or false",
  integer: "an integer",
  number: "a number",
};

/** Exported for tests: one ajv error -> code, message, pointer, anchor. */
export function mapError(e: ErrorObject): Mapped | undefined {
  const at = e.instancePath;
  const field = fieldLabel(at);
  const p = e.params as Record<string, unknown>;
  // An enum that also takes {unlisted: X}: the enum branch's error says it all.
  if (e.keyword === "anyOf" || e.schemaPath.startsWith("#/$defs/unlisted/")) return undefined;
  switch (e.keyword) {
    case "if":
      return undefined; // the failing `then` branch reports the details
    case "required": {
      const missing = String(p["missingProperty"]);
      const pointer = joinPointer(at, missing);
      const message = `missing required field ${fieldLabel(pointer)}`;
      return { code: "schema/required", message, pointer, anchor: "parent" };
    }
    case "additionalProperties": {
      const pointer = joinPointer(at, String(p["additionalProperty"]));
      const message = `unknown field ${fieldLabel(pointer)}${suggestion(e)}`;
      return { code: "schema/unknown-field", message, pointer, anchor: "key" };
    }
    case "type": {
      const expected = String(p["type"]);
      // YAML reads +12025550123, 20001 or 1.0 as numbers: say how to keep them text.
      const hint =
        expected === "string" && typeof e.data === "number" ? " (put the value in quotes)" : "";
      const message = `${field} must be ${TYPE_NAMES[expected] ?? expected}${hint}`;
      return { code: "schema/type", message, pointer: at, anchor: "value" };
    }
    case "enum":
    case "const": {
      const allowed = (
        e.keyword === "enum" ? p["allowedValues"] : [p["allowedValue"]]
      ) as unknown[];
      return {
        code: "schema/enum",
        message: enumMessage(field, allowed, e.data),
        pointer: at,
        anchor: "value",
      };
    }
    case "pattern":
      return {
        code: "schema/pattern",
        message: patternMessage(at, field),
        pointer: at,
        anchor: "value",
      };
    case "minLength":
      return {
        code: "schema/empty",
        message: `${field} must not be empty`,
        pointer: at,
        anchor: "value",
      };
    case "maxLength":
      return {
        code: "schema/too-long",
        message: `${field} is longer than ${String(p["limit"])} characters, the most Twilio accepts (error 20002)`,
        pointer: at,
        anchor: "value",
      };
    case "minimum":
      return {
        code: "schema/minimum",
        message: `${field} must be at least ${String(p["limit"])}`,
        pointer: at,
        anchor: "value",
      };
    case "minItems":
      return {
        code: "schema/min-items",
        message: `${field} needs at least ${String(p["limit"])} item(s)`,
        pointer: at,
        anchor: "value",
      };
    case "maxItems":
      return {
        code: "schema/max-items",
        message: `${field} allows at most ${String(p["limit"])} item(s)`,
        pointer: at,
        anchor: "value",
      };
    case "uniqueItems":
      // ajv names the two equal items as i and j in either order: point at the later one.
      return {
        code: "schema/duplicate-item",
        message: `${field} lists the same value twice`,
        pointer: joinPointer(at, Math.max(Number(p["i"]), Number(p["j"]))),
        anchor: "value",
      };
    default:
      return {
        code: `schema/${e.keyword}`,
        message: `${field} ${e.message ?? "is invalid"}`,
        pointer: at,
        anchor: "value",
      };
  }
}

/**
 * Lists the allowed values, or suggests the closest one. Enum values are
 * Twilio's vocabulary, not personal data; the user's own value is not printed.
 */
function enumMessage(field: string, allowed: unknown[], data: unknown): string {
  const strings = allowed.filter((v): v is string => typeof v === "string");
  const close = typeof data === "string" ? closest(strings, data) : undefined;
  const list = allowed.map((v) => JSON.stringify(v)).join(", ");
  if (close !== undefined) {
    const rest = allowed.length <= 12 ? `; allowed: ${list}` : "";
    return `${field} is not an allowed value (did you mean ${JSON.stringify(close)}?)${rest}`;
  }
  return `${field} must be one of: ${list}`;
}

/**
 * The allowed value closest to what was written: the same ignoring case and
 * separators, else one that contains it or starts like it (`tech` ->
 * `TECHNOLOGY`), else the nearest by edit distance within a third of its length.
 */
export function closest(allowed: string[], written: string): string | undefined {
  const norm = (v: string): string => v.toLowerCase().replace(/[\s_-]/g, "");
  const w = norm(written);
  if (w.length < 2 || w.length > 100) return undefined;
  const exact = allowed.find((v) => norm(v) === w);
  if (exact !== undefined) return exact;
  const prefix = allowed.filter((v) => norm(v).startsWith(w));
  if (prefix.length === 1) return prefix[0];
  const contains = allowed.filter((v) => norm(v).includes(w) || w.includes(norm(v)));
  if (contains.length === 1) return contains[0];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const v of allowed) {
    const d = distance(norm(v), w);
    if (d < bestDistance) [best, bestDistance] = [v, d];
  }
  return bestDistance <= Math.max(1, Math.floor(w.length / 3)) ? best : undefined;
}

function patternMessage(pointer: string, field: string): string {
  if (pointer.endsWith("/sid")) return `${field} must be BU followed by 32 lowercase hex digits`;
  if (pointer.endsWith("/key")) {
    return `${field} must use lowercase letters, digits and hyphens, starting with a letter or digit`;
  }
  return `${field} has the wrong format`;
}

/** Fields people commonly misspell: suggest the intended one (no user values). */
function suggestion(e: ErrorObject): string {
  const name = String((e.params as Record<string, unknown>)["additionalProperty"]);
  const props = (e.parentSchema as { properties?: Record<string, unknown> } | undefined)
    ?.properties;
  if (!props) return "";
  const close = Object.keys(props).find((k) => similar(k, name));
  return close ? ` (did you mean ${close}?)` : "";
}

function similar(a: string, b: string): boolean {
  const x = a.toLowerCase().replace(/[_-]/g, "");
  const y = b.toLowerCase().replace(/[_-]/g, "");
  // The distance is at least the difference in length: skip long strangers.
  if (Math.abs(x.length - y.length) > Math.max(1, Math.floor(x.length / 5))) return x === y;
  return x === y || distance(x, y) <= Math.max(1, Math.floor(x.length / 5));
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const sub = (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, sub));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}
