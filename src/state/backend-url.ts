/**
 * A state backend URL fit for printing: the password of a postgres://
 * (or any) URL and secret query parameters (libpq's `password`,
 * `sslpassword`) are masked, e.g. in the "pulumi cancel" hint of a lock error.
 */
const SECRET_PARAMS = ["password", "sslpassword"];

export function redactBackendUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  if (u.protocol === "file:") return url;
  let changed = false;
  if (u.password !== "") {
    u.password = "****";
    changed = true;
  }
  for (const p of SECRET_PARAMS) {
    if (u.searchParams.has(p)) {
      u.searchParams.set(p, "****");
      changed = true;
    }
  }
  return changed ? u.href.replace(/%2A/gi, "*") : url;
}
