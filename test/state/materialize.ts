/**
 * Test helper: makes Trust Hub (an emulator) hold exactly a desired bundle,
 * through the official SDK for secondaries and the sandbox's Console controls
 * for primaries (the API refuses to create those). Returns the record apply
 * would keep. Not apply: no diffing, no recovery, no ordering guarantees.
 */
import type { SandboxControls } from "../../src/emulator/controls-client.ts";
import type { ProfileStatus } from "../../src/domain/twilio.ts";
import type { DesiredBundle, ManagedRecord } from "../../src/model/trusthub.ts";
import type { TwilioClient } from "../../src/state/client.ts";

export async function materialize(
  client: TwilioClient,
  controls: SandboxControls,
  d: DesiredBundle,
  status: ProfileStatus = "draft",
): Promise<ManagedRecord> {
  if (d.kind !== "secondary") return materializePrimary(controls, d, status);
  const th = client.trusthub.v1;
  const profile = await th.customerProfiles.create({
    friendlyName: d.profile.friendlyName,
    email: d.profile.email,
    policySid: d.profile.policySid,
    ...(d.profile.statusCallback !== "" && { statusCallback: d.profile.statusCallback }),
  });
  const record: ManagedRecord = {
    key: d.key,
    profileSid: profile.sid,
    endUsers: {},
    assignments: {},
  };
  const assign = async (objectSid: string): Promise<void> => {
    const a = await th
      .customerProfiles(profile.sid)
      .customerProfilesEntityAssignments.create({ objectSid });
    record.assignments[objectSid] = a.sid;
  };
  for (const u of d.endUsers) {
    const eu = await th.endUsers.create({
      friendlyName: u.friendlyName,
      type: u.type,
      attributes: u.attributes,
    });
    record.endUsers[u.slot] = eu.sid;
    await assign(eu.sid);
  }
  const a = d.address;
  const address = await client.api.v2010.account.addresses.create({
    ...addressFields(a),
    friendlyName: a.friendlyName,
  });
  record.addressSid = address.sid;
  const doc = await th.supportingDocuments.create({
    friendlyName: d.document!.friendlyName,
    type: d.document!.type,
    attributes: { address_sids: address.sid },
  });
  record.documentSid = doc.sid;
  await assign(doc.sid);
  if (d.primarySid !== undefined) await assign(d.primarySid);
  if (status !== "draft") await controls.setStatus(profile.sid, status);
  return record;
}

/** The address as Twilio takes it (no friendly name; an empty second street line left out). */
function addressFields(a: DesiredBundle["address"]) {
  return {
    customerName: a.customerName,
    street: a.street,
    ...(a.streetSecondary !== "" && { streetSecondary: a.streetSecondary }),
    city: a.city,
    region: a.region,
    postalCode: a.postalCode,
    isoCountry: a.isoCountry,
  };
}

async function materializePrimary(
  controls: SandboxControls,
  d: DesiredBundle,
  status: ProfileStatus,
): Promise<ManagedRecord> {
  const attrs = (slot: string) => d.endUsers.find((u) => u.slot === slot)?.attributes;
  const rep2 = attrs("representative2");
  const a = d.address;
  const made = await controls.createPrimary({
    type: d.kind === "primary-individual" ? "individual" : "business",
    friendlyName: d.profile.friendlyName,
    email: d.profile.email,
    ...(d.profile.statusCallback !== "" && { statusCallback: d.profile.statusCallback }),
    ...(d.kind === "primary-individual"
      ? { individual: attrs("individual") ?? {} }
      : { business: attrs("business") ?? {}, representative1: attrs("representative1") ?? {} }),
    ...(rep2 !== undefined && { representative2: rep2 }),
    address: addressFields(a),
    submit: status !== "draft",
    ...(status !== "draft" && { status }),
  });
  const record: ManagedRecord = {
    key: d.key,
    profileSid: made.sid,
    endUsers: made.endUsers,
    addressSid: made.addressSid,
    documentSid: made.documentSid,
    assignments: {},
  };
  const objects = [...Object.values(made.endUsers), made.documentSid];
  objects.forEach((o, i) => (record.assignments[o] = made.assignmentSids[i] ?? ""));
  return record;
}
