/**
 * Trust Hub rejection codes (a rejected profile's `errors[].code`) and their
 * texts as Twilio's changelog lists them. The status callback carries such a
 * text as its failure reason. Pure data; sources in src/domain/facts.ts.
 */
export const REJECTION_REASONS: Readonly<Record<number, string>> = {
  18601: "The association between business name and website cannot be verified",
  18602: "The Business ID you provided could not be verified",
  18603: "The address could not be verified",
  18604: "Unable to verify Authorized representative #1",
  18605: "Unable to verify Authorized representative #2.",
  18606: "The Email domain doesn't match the website domain",
  18607: "Customer Profile or Trust Product is not eligible to be copied",
  18608: "Customer Profile or Trust Product is already copied",
  18609: "Ineligible Business Registration Authority",
};

/** Fields of the status callback POST (form-encoded). */
export const STATUS_CALLBACK_FIELDS = [
  "AccountSid",
  "BundleSid",
  "Status",
  "FailureReason",
] as const;

/** The text for a rejection code; codes outside the list get a generic text. */
export function rejectionReason(code: number): string {
  return REJECTION_REASONS[code] ?? `Twilio error ${code}`;
}
