/**
 * Twilio's length limits on the values the tool sends, and the error Twilio
 * answers when one is exceeded. Pure data; sources in src/domain/facts.ts.
 */

/** FriendlyName of Trust Hub objects (profiles, end users, documents): 1-64 characters. */
export const FRIENDLY_NAME_MAX_LENGTH = 64;

/** FriendlyName of an Address used for regulatory compliance: up to 64 characters. */
export const ADDRESS_FRIENDLY_NAME_MAX_LENGTH = 64;

/** Twilio's answer to a FriendlyName outside 1-64 characters. */
export const INVALID_FRIENDLY_NAME_ERROR = {
  status: 400,
  code: 20002,
  message: "Invalid FriendlyName",
} as const;
