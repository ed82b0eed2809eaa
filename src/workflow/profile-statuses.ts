/**
 * The profile statuses `trusthub sandbox set-status` accepts, for the CLI's flag parsing
 * (src/cli may import src/workflow but not src/domain). A module of its own: importing
 * src/workflow/sandbox.ts for them loaded the apply writers, the SDK client and the
 * emulator's client for every command (issue 15).
 */
export { PROFILE_STATUSES, type ProfileStatus } from "../domain/twilio.ts";
