/** `trusthub status`'s report as the CLI prints it: text or JSON, and its exit code. */
import {
  renderStatusJson,
  renderStatusText,
  statusExitCode,
  type StatusReport,
} from "../render/status.ts";

export function statusOutput(
  report: StatusReport,
  o: { format: "text" | "json"; color: boolean },
): { text: string; exitCode: number } {
  const text = o.format === "json" ? renderStatusJson(report) : renderStatusText(report, o);
  return { text, exitCode: statusExitCode(report) };
}
