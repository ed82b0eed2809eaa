/** renderDiagnostics: `file:line:col: severity code: message`, the source line and a caret. */
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/model/config.ts";
import { renderDiagnostics } from "../../src/render/diagnostics.ts";

const sources = new Map([
  ["a.yaml", "version: 1\nprimary:\n  key: Acme\n"],
  ["t.yaml", "a:\n\tb: 1\n"],
]);

const diags: Diagnostic[] = [
  { code: "io/no-config", severity: "error", message: "no configuration given" },
  { code: "io/not-found", severity: "error", message: "no such file or directory", file: "x.yaml" },
  {
    code: "schema/pattern",
    severity: "error",
    message: "primary.key must use lowercase letters",
    file: "a.yaml",
    line: 3,
    column: 8,
    path: "/primary/key",
  },
  {
    code: "rule/duns",
    severity: "warning",
    message: "use an EIN",
    file: "a.yaml",
    line: 12,
    column: 3,
  },
  { code: "yaml/syntax", severity: "error", message: "tab", file: "t.yaml", line: 2, column: 3 },
];

describe("renderDiagnostics", () => {
  it("renders location, severity, code, message, source line and caret", () => {
    expect(renderDiagnostics(diags, sources, { color: false })).toBe(
      [
        "error io/no-config: no configuration given",
        "x.yaml: error io/not-found: no such file or directory",
        "a.yaml:3:8: error schema/pattern: primary.key must use lowercase letters",
        "3 |   key: Acme",
        "  |        ^",
        // line 12 does not exist: no source excerpt
        "a.yaml:12:3: warning rule/duns: use an EIN",
        "t.yaml:2:3: error yaml/syntax: tab",
        "2 | \tb: ********",
        "  | \t ^",
        "",
      ].join("\n"),
    );
  });

  it("colours only when asked", () => {
    const plain = renderDiagnostics(diags, sources, { color: false });
    const colored = renderDiagnostics(diags, sources, { color: true });
    expect(plain).not.toContain("\u001b[");
    expect(colored).toContain("\u001b[31merror\u001b[39m");
    expect(colored).toContain("\u001b[33mwarning\u001b[39m");
    expect(colored.replace(/\u001b\[\d+m/g, "")).toBe(plain);
  });

  it("renders nothing for no diagnostics", () => {
    expect(renderDiagnostics([], sources, { color: false })).toBe("");
  });
});
