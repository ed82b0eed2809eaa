/**
 * Small helpers to build, sort and label diagnostics. Messages never carry a
 * user's value (see docs/config.md "Personal data"): they name the field.
 */
import type { Diagnostic, Severity, SourceRef } from "../model/config.ts";

export function diagnostic(
  code: string,
  severity: Severity,
  message: string,
  at?: SourceRef,
  path?: string,
): Diagnostic {
  const d: Diagnostic = { code, severity, message };
  if (at) {
    d.file = at.file;
    d.line = at.line;
    d.column = at.column;
  }
  if (path !== undefined) d.path = path;
  return d;
}

/** Sort by file, line, column, then code; diagnostics without a file come first. */
export function sortDiagnostics(diags: Diagnostic[]): Diagnostic[] {
  return [...diags].sort(
    (a, b) =>
      cmp(a.file ?? "", b.file ?? "") ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      cmp(a.code, b.code),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === "error");
}

/** Split a JSON pointer into segments ("/a/0/b" -> ["a", "0", "b"]). */
export function pointerSegments(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

export function joinPointer(pointer: string, segment: string | number): string {
  return `${pointer}/${String(segment).replace(/~/g, "~0").replace(/\//g, "~1")}`;
}

/** A readable field label: "/secondaries/0/business/name" -> "secondaries[0].business.name". */
export function fieldLabel(pointer: string): string {
  let label = "";
  for (const seg of pointerSegments(pointer)) {
    label += /^\d+$/.test(seg) ? `[${seg}]` : label === "" ? seg : `.${seg}`;
  }
  return label === "" ? "document" : label;
}
