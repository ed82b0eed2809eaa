/**
 * `${env:NAME}` references, resolved from the given environment in every
 * string value (whole or embedded), and whitespace trimming. Resolved values
 * are personal data: diagnostics name the variable, never the value.
 * `$${env:NAME}` is an escape for a literal `${env:NAME}`.
 */
import type { Diagnostic, SourceRef } from "../model/config.ts";
import { diagnostic, joinPointer } from "./diagnostic.ts";

const REFERENCE = /\$?\$\{env:([^}]*)\}/g;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface ResolvedValue {
  value: unknown;
  diagnostics: Diagnostic[];
  /** Pointers of strings that contained at least one reference. */
  fromEnv: Set<string>;
  /** Pointers whose reference could not be resolved (schema/rule errors there are noise). */
  unresolved: Set<string>;
}

/** Locates `${env:NAME}` inside the scalar at `pointer`. */
export type LocateReference = (pointer: string, reference: string) => SourceRef;

/**
 * `inPlace`: write the resolved strings into `value` itself instead of a copy
 * (only for a tree that shares no node and has no `__proto__` key: the
 * js-yaml fast path, parse-fast.ts).
 */
export function resolveEnv(
  value: unknown,
  env: Record<string, string | undefined>,
  locate: LocateReference,
  inPlace = false,
): ResolvedValue {
  const out: ResolvedValue = {
    value: undefined,
    diagnostics: [],
    fromEnv: new Set(),
    unresolved: new Set(),
  };
  out.value = walk(value, [], env, locate, out, inPlace);
  return out;
}

/** `path`: the segments down to `value`, joined into a pointer only for a reference. */
function walk(
  value: unknown,
  path: (string | number)[],
  env: Record<string, string | undefined>,
  locate: LocateReference,
  out: ResolvedValue,
  inPlace: boolean,
): unknown {
  if (typeof value === "string") {
    if (!value.includes("${")) return value.trim();
    const pointer = path.reduce<string>((p, seg) => joinPointer(p, seg), "");
    return substitute(value, pointer, env, locate, out).trim();
  }
  if (Array.isArray(value)) {
    const result = inPlace ? value : new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      const v: unknown = value[i];
      const r = walk(v, path, env, locate, out, inPlace);
      if (!inPlace || r !== v) result[i] = r;
      path.pop();
    }
    return result;
  }
  if (value !== null && typeof value === "object") {
    // In place, only what changed is written back (most strings are returned as they are);
    // Object.keys, not entries: one array per object rather than one per member (issue 15).
    const source = value as Record<string, unknown>;
    const result: Record<string, unknown> = inPlace ? source : {};
    for (const k of Object.keys(source)) {
      path.push(k);
      const v = source[k];
      const r = walk(v, path, env, locate, out, inPlace);
      if (!inPlace || r !== v) result[k] = r;
      path.pop();
    }
    return result;
  }
  return value;
}

function substitute(
  text: string,
  pointer: string,
  env: Record<string, string | undefined>,
  locate: LocateReference,
  out: ResolvedValue,
): string {
  return text.replace(REFERENCE, (match: string, name: string) => {
    if (match.startsWith("$$")) return match.slice(1);
    out.fromEnv.add(pointer);
    const at = locate(pointer, match);
    if (!NAME.test(name)) {
      out.unresolved.add(pointer);
      out.diagnostics.push(
        diagnostic(
          "env/invalid-reference",
          "error",
          "environment reference must look like ${env:NAME} (letters, digits, underscores)",
          at,
          pointer,
        ),
      );
      return match;
    }
    const resolved = env[name];
    if (resolved === undefined || resolved.trim() === "") {
      out.unresolved.add(pointer);
      const state = resolved === undefined ? "is not set" : "is empty";
      out.diagnostics.push(
        diagnostic("env/missing", "error", `environment variable ${name} ${state}`, at, pointer),
      );
      return match;
    }
    return resolved;
  });
}
