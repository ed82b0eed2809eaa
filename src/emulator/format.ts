/** Date formats: ISO-8601 without milliseconds (Trust Hub v1), RFC 2822 (2010 API). */

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function rfc2822Date(ms: number): string {
  return new Date(ms).toUTCString().replace(/GMT$/, "+0000");
}

export function isoOrNull(ms: number | null): string | null {
  return ms == null ? null : isoDate(ms);
}
