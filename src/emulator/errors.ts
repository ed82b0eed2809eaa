/** Twilio's error body (`code`, `message`, `more_info`, `status`) as a throwable. */

export class ApiError extends Error {
  readonly status: number;
  readonly code: number;
  readonly headers: Record<string, string>;
  /** Twilio adds `detail` to some errors (401s). */
  detail: string | undefined;
  constructor(status: number, code: number, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
  body(): Record<string, unknown> {
    return {
      code: this.code,
      ...(this.detail !== undefined && { detail: this.detail }),
      message: this.message,
      more_info: `https://www.twilio.com/docs/errors/${this.code}`,
      status: this.status,
    };
  }
}

export function notFound(resourcePath: string): ApiError {
  return new ApiError(404, 20404, `The requested resource ${resourcePath} was not found`);
}

export function missingParam(name: string): ApiError {
  return new ApiError(400, 20001, `Missing required parameter ${name} in the post body`);
}

export function invalidParam(name: string, why: string): ApiError {
  return new ApiError(400, 20001, `Invalid parameter ${name}: ${why}`);
}

export function unauthorized(message = "Authenticate"): ApiError {
  const e = new ApiError(401, 20003, message);
  e.detail = "Your AccountSid or AuthToken was incorrect.";
  return e;
}

/** Trust Hub answers a few refusals with `code` equal to the HTTP status (reference 8.2). */
export function refused(message: string): ApiError {
  return new ApiError(400, 400, message);
}

export const MESSAGES = {
  primaryRestricted:
    "This operation is restricted via API for Primary Customer Profiles. Use Twilio Console instead.",
  secondaryNeedsIsv:
    "Secondary Customer Profile for direct_customer can only be created through Twilio console.",
  statusUpdate: "User cannot perform this status update",
  endUserImmutable: "Cannot update end-user. A bundle it belongs to is in an immutable state.",
  documentImmutable:
    "Cannot update supporting document. A bundle it belongs to is in an immutable state.",
  bundleImmutable: "Bundle status and properties cannot be updated in an immutable state",
} as const;
