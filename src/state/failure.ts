/**
 * Turns what the twilio SDK throws into one line fit for users: HTTP status
 * and Twilio code for API errors, the network cause for transport errors, and
 * "malformed reply" for bodies that are not JSON. Never includes credentials
 * (the SDK's errors carry none; request URLs are ours and carry none).
 */
export function describeFailure(e: unknown): string {
  if (typeof e !== "object" || e === null) return `failed: ${String(e)}`;
  const err = e as { status?: unknown; code?: unknown; message?: unknown; moreInfo?: unknown };
  const message = typeof err.message === "string" ? err.message : "";
  if (typeof err.status === "number") {
    const code =
      typeof err.code === "number" && err.code !== err.status ? ` (Twilio error ${err.code})` : "";
    return `Trust Hub answered ${err.status}${code}: ${oneLine(message) || "no message"}`;
  }
  if (e instanceof SyntaxError || /JSON|parse/i.test(message)) {
    return `malformed reply (not the JSON Trust Hub sends): ${oneLine(message)}`;
  }
  // The SDK walking a reply of the wrong shape (a number, `results` not a list, ...).
  if (e instanceof TypeError) return "malformed reply (not the shape Trust Hub sends)";
  if (typeof err.code === "string" && /maxContentLength/.test(message)) {
    return "the reply is too large (more than 32 MB): not what Trust Hub sends";
  }
  if (typeof err.code === "string") {
    const cause = NETWORK_CODES[err.code];
    if (cause !== undefined) return `${cause} (${err.code})`;
    return `failed: ${err.code} ${oneLine(message)}`;
  }
  return `failed: ${oneLine(message) || "unknown error"}`;
}

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: "cannot connect: nothing listens at the target URL",
  ECONNRESET: "the connection was reset",
  ENOTFOUND: "the target host name does not resolve",
  ETIMEDOUT: "the request timed out",
  ECONNABORTED: "the request timed out",
  EAI_AGAIN: "the target host name does not resolve (DNS)",
};

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
