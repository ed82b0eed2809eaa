/**
 * Exit codes and the few error classes that cross layers. Identify errors by
 * `code`, not instanceof (Pulumi serialisation can load two copies).
 */
export const EXIT = {
  ok: 0,
  error: 1,
  /** plan --detailed-exitcode: changes present. */
  changes: 2,
  /** Actions blocked (need the Console or a prerequisite). */
  blocked: 3,
  /** A saved plan is no longer true. */
  stalePlan: 4,
  /** Another apply holds the stack lock. */
  locked: 5,
  /** Apply finished but some profiles were refused or failed. */
  partial: 6,
  /** A safety threshold was exceeded. */
  unsafe: 7,
  /**
   * The YAML differs from profiles Twilio made immutable (pending-review,
   * in-review, twilio-approved) and nothing else is left to do: apply cannot
   * fix it (revert the YAML, or ask Twilio to make the profile editable).
   */
  immutableDrift: 8,
  /** Interrupted (SIGINT or SIGTERM): in-flight writes finished, the lock was released. */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error whose message is fit for users as it stands; carries the exit code. */
export class UserError extends Error {
  readonly code: string;
  readonly exitCode: ExitCode;
  constructor(code: string, message: string, exitCode: ExitCode = EXIT.error) {
    super(message);
    this.name = "UserError";
    this.code = code;
    this.exitCode = exitCode;
  }
}

export function isUserError(e: unknown): e is UserError {
  return (
    e instanceof Error && typeof (e as Partial<UserError>).exitCode === "number" && "code" in e
  );
}
