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
    const hint = err.status === 401 ? `; ${credentialsHint(e)}` : "";
    return `Trust Hub answered ${err.status}${code}: ${oneLine(message) || "no message"}${hint}`;
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
    const at = origin(e);
    if (cause !== undefined) return `${cause}${at ? ` ${at}` : ""} (${err.code})`;
    return `failed: ${err.code} ${oneLine(message)}`;
  }
  return `failed: ${oneLine(message) || "unknown error"}`;
}

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: "cannot connect: nothing listens at",
  ECONNRESET: "the connection was reset by",
  ENOTFOUND: "the host name does not resolve:",
  ETIMEDOUT: "the request timed out:",
  ECONNABORTED: "the request timed out:",
  EAI_AGAIN: "the host name does not resolve (DNS):",
};

/** The scheme, host and port the request went to (no path, no credentials). */
function origin(e: object): string | undefined {
  const url = (e as { config?: { url?: unknown; baseURL?: unknown } }).config?.url;
  if (typeof url !== "string") return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * Which variables hold the credentials Trust Hub refused. An API key's SID
 * starts with SK (told from the request's user name, never printed).
 */
function credentialsHint(e: object): string {
  const user = (e as { config?: { auth?: { username?: unknown } } }).config?.auth?.username;
  const pair =
    typeof user === "string" && user.startsWith("SK")
      ? "TWILIO_API_KEY and TWILIO_API_SECRET (with TWILIO_ACCOUNT_SID)"
      : "TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN (or TWILIO_API_KEY and TWILIO_API_SECRET)";
  return `the credentials were refused: check ${pair}, or for an account declared in the YAML the variables its accountSidEnv, authTokenEnv, apiKeyEnv and apiSecretEnv name`;
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
