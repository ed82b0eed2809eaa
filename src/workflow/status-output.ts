/** `trusthub status`'s report as the CLI prints it: text or JSON, and its exit code. */
import { renderStatusJson, renderStatusText, statusExitCode } from "../render/status.ts";
import {
  renderProductStatusText,
  type StatusReportWithProducts,
} from "../render/product-status.ts";

export function statusOutput(
  report: StatusReportWithProducts,
  o: { format: "text" | "json"; color: boolean },
): { text: string; exitCode: number } {
  // Trust products (issue 14): in the JSON as `trust_products`, in the text as a section.
  const text =
    o.format === "json"
      ? renderStatusJson(report)
      : renderStatusText(report, o) + renderProductStatusText(report.trust_products);
  return { text, exitCode: statusExitCode(report) };
}
