/**
 * Config -> Twilio: what one declared profile should be in Trust Hub, in
 * Twilio's own vocabulary (attribute names, policy SIDs, friendly names).
 * Pure. Friendly names of the profile's objects derive from the profile's
 * friendly name, so they are stable and never carry personal data.
 */
import {
  END_USER_TYPES,
  POLICY_SIDS,
  REGISTRATION_OTHER_TYPE_ATTRIBUTE,
  SUPPORTING_DOCUMENT_TYPES,
} from "../domain/twilio.ts";
import type {
  Address,
  BusinessProfile,
  IndividualProfile,
  Profile,
  ProfileKind,
} from "../model/config.ts";
import type { BundleAddress, BundleEndUser, DesiredBundle } from "../model/trusthub.ts";
import { joinMulti, objectFriendlyName } from "./fields.ts";

export function policySidFor(kind: ProfileKind): string {
  switch (kind) {
    case "primary-business":
      return POLICY_SIDS.primaryBusiness;
    case "primary-individual":
      return POLICY_SIDS.primaryIndividual;
    case "secondary":
      return POLICY_SIDS.secondary;
  }
}

/** The desired bundle of a declared profile. `primarySid` applies to secondaries. */
export function desiredBundle(profile: Profile, opts: { primarySid?: string }): DesiredBundle {
  const fn = profile.friendlyName;
  const bundle: DesiredBundle = {
    key: profile.key,
    kind: profile.kind,
    profile: {
      friendlyName: fn,
      email: profile.email,
      statusCallback: profile.statusCallback,
      policySid: policySidFor(profile.kind),
    },
    endUsers:
      profile.kind === "primary-individual" ? individualUsers(profile) : businessUsers(profile),
    address: bundleAddress(fn, profile.address),
    document: {
      type: SUPPORTING_DOCUMENT_TYPES.address,
      friendlyName: objectFriendlyName(fn, "document"),
    },
    submit: profile.submit,
  };
  if (profile.kind === "secondary" && opts.primarySid !== undefined) {
    bundle.primarySid = opts.primarySid;
  }
  return bundle;
}

function businessUsers(profile: BusinessProfile): BundleEndUser[] {
  const b = profile.business;
  const fn = profile.friendlyName;
  const users: BundleEndUser[] = [
    {
      slot: "business",
      type: END_USER_TYPES.business,
      friendlyName: objectFriendlyName(fn, "business"),
      attributes: {
        business_name: b.name,
        business_identity: b.identity,
        business_type: b.type,
        business_industry: b.industry,
        business_registration_identifier: b.registration.type,
        business_registration_number: b.registration.number,
        business_regions_of_operation: joinMulti(b.regionsOfOperation),
        website_url: b.websiteUrl,
        social_media_profile_urls: joinMulti(b.socialMediaProfileUrls),
        ...(b.registration.otherType !== undefined && {
          [REGISTRATION_OTHER_TYPE_ATTRIBUTE]: b.registration.otherType,
        }),
      },
    },
  ];
  profile.representatives.forEach((rep, i) => {
    const slot = i === 0 ? "representative1" : "representative2";
    users.push({
      slot,
      type: END_USER_TYPES[slot],
      friendlyName: objectFriendlyName(fn, slot),
      attributes: {
        first_name: rep.firstName,
        last_name: rep.lastName,
        email: rep.email,
        phone_number: rep.phone,
        business_title: rep.businessTitle,
        job_position: rep.jobPosition,
      },
    });
  });
  return users;
}

function individualUsers(profile: IndividualProfile): BundleEndUser[] {
  const p = profile.individual;
  return [
    {
      slot: "individual",
      type: END_USER_TYPES.individual,
      friendlyName: objectFriendlyName(profile.friendlyName, "individual"),
      attributes: {
        profile_name: p.profileName,
        first_name: p.firstName,
        last_name: p.lastName,
        email: p.email,
        phone_number: p.phone,
        birth_date: p.dateOfBirth,
      },
    },
  ];
}

function bundleAddress(profileFriendlyName: string, a: Address): BundleAddress {
  return {
    friendlyName: objectFriendlyName(profileFriendlyName, "address"),
    customerName: a.customerName,
    street: a.street,
    streetSecondary: a.street2,
    city: a.city,
    region: a.region,
    postalCode: a.postalCode,
    isoCountry: a.isoCountry,
  };
}
