/**
 * Makes one trust product in Trust Hub equal to its desired product (issue 14):
 * the body of the provider's create and update, with the profile's guards:
 *   1. find it (record, adopted SID, then friendly name + policy, so a create
 *      retried after a crash never duplicates it), else create it;
 *   2. immutability guard on the status read, before any write, and again right
 *      before the first write: a product Twilio holds (pending-review, in-review,
 *      approved) gets only its phone numbers reconciled (Twilio allows that in any
 *      status); any other drift is refused, with nothing written;
 *   3. the fields, its end user (found by its friendly name before it is
 *      created), its entity assignments (end user, customer profile), its phone
 *      numbers; then an evaluation, and a submit when asked and compliant.
 * A failure after the first write is ProductPartialError with the record of what exists.
 */
import { isEditableStatus, isImmutableStatus, type ProfileStatus } from "../domain/twilio.ts";
import type { DesiredProduct, ManagedProductRecord, ObservedProduct } from "../model/trusthub.ts";
import type { TwilioClient } from "../state/client.ts";
import { reconcileChannels } from "./channels.ts";
import { productDrift, resolveProfileSid } from "./product-diff.ts";
import type { ProductFailure } from "./product-inputs.ts";
import { readLiveProduct, type LiveProduct } from "./product-live.ts";
import * as pw from "./product-writer.ts";
import { assignments, endUserSlot } from "./product-slots.ts";

export interface ProductResult {
  record: ManagedProductRecord;
  status: ProfileStatus;
  wrote: string[];
  existed: boolean;
  evaluation?: "compliant" | "noncompliant";
  failures?: ProductFailure[];
  submitted?: boolean;
}

export class ImmutableProductError extends Error {
  readonly code = "immutable-product";
  constructor(key: string, sid: string, status: string, slots: string[]) {
    super(
      `trust product ${key} (${sid}) is ${status}: Twilio does not allow changes in this status ` +
        `(differs: ${slots.join(", ")}); nothing was written to it (wait for the review outcome, then apply again)`,
    );
    this.name = "ImmutableProductError";
  }
}

export class ProductPartialError extends Error {
  readonly code = "partial-apply";
  readonly record: ManagedProductRecord;
  readonly status: ProfileStatus;
  constructor(
    message: string,
    record: ManagedProductRecord,
    status: ProfileStatus,
    cause?: unknown,
  ) {
    super(message, { cause });
    this.name = "ProductPartialError";
    this.record = record;
    this.status = status;
  }
}

export interface ProductOptions {
  adoptSid?: string;
  recordOnly?: boolean;
  /** The profile resource's output SID (replaces a "profile:<key>" placeholder). */
  profileSid?: string;
}

async function locate(
  c: TwilioClient,
  d: DesiredProduct,
  prior: ManagedProductRecord | undefined,
  opts: ProductOptions,
): Promise<ObservedProduct | undefined> {
  const sid = prior?.productSid ?? opts.adoptSid;
  if (sid) {
    const p = await pw.fetchProduct(c, sid);
    if (p) return p;
    if (!prior) throw new Error(`trust product ${d.key}: live trust product ${sid} does not exist`);
  }
  const found = await pw.findProducts(c, d.product.friendlyName, d.product.policySid);
  if (found.length > 1) {
    throw new Error(
      `trust product ${d.key}: several live trust products share its friendly name and policy ` +
        `(${found.map((p) => p.sid).join(", ")}); pin one with \`sid:\` in the YAML`,
    );
  }
  return found[0];
}

function recordOf(d: DesiredProduct, live: LiveProduct): ManagedProductRecord {
  const record: ManagedProductRecord = {
    key: d.key,
    productSid: live.product.sid,
    assignments: {},
    channelEndpoints: {},
  };
  if (live.endUser) record.endUserSid = live.endUser.sid;
  for (const a of live.assignments) record.assignments[a.objectSid] = a.sid;
  for (const a of live.channelEndpoints) record.channelEndpoints[a.channelEndpointSid] = a.sid;
  return record;
}

export async function reconcileProduct(
  c: TwilioClient,
  d: DesiredProduct,
  prior: ManagedProductRecord | undefined,
  opts: ProductOptions = {},
): Promise<ProductResult> {
  const profileSid = resolveProfileSid(d, opts.profileSid);
  let product = await locate(c, d, prior, opts);
  const existed = product !== undefined;
  const wrote: string[] = [];
  if (product && isImmutableStatus(product.status)) {
    const live = await readLiveProduct(c, product, prior);
    const record = recordOf(d, live);
    if (opts.recordOnly) return { record, status: product.status, wrote, existed };
    const slots = productDrift(d, live, profileSid).filter((s) => s !== "phoneNumbers");
    if (slots.length > 0)
      throw new ImmutableProductError(d.key, product.sid, product.status, slots);
    await guarded(d, record, product.status, () =>
      reconcileChannels(
        c,
        "product",
        product!.sid,
        d.phoneNumberSids,
        record.channelEndpoints,
        wrote,
      ),
    );
    return { record, status: product.status, wrote, existed };
  }
  if (!profileSid) {
    throw new Error(
      `trust product ${d.key}: its customer profile ${d.profileKey} has no live SID yet`,
    );
  }
  if (!product) {
    product = await pw.createProduct(c, d.product);
    wrote.push(`trust product created (${product.sid})`);
  }
  const sid = product.sid;
  const record: ManagedProductRecord = {
    key: d.key,
    productSid: sid,
    assignments: {},
    channelEndpoints: {},
  };
  let status = product.status;
  await guarded(d, record, status, async () => {
    const live = existed ? await readLiveProduct(c, product, prior) : undefined;
    if (live) Object.assign(record, recordOf(d, live));
    const drift = productDrift(d, live, profileSid);
    if (drift.includes("policy")) {
      throw new Error(
        "its policy differs from the YAML kind; Twilio cannot change a trust product's policy",
      );
    }
    if (live && drift.some((s) => s !== "phoneNumbers")) {
      // The guard again right before the first write: Twilio may have taken it into review.
      const now = await pw.fetchProduct(c, sid);
      if (now && isImmutableStatus(now.status)) {
        throw new ImmutableProductError(d.key, sid, now.status, drift);
      }
    }
    if (live && drift.includes("product")) {
      await pw.updateProduct(c, sid, d.product);
      wrote.push("trust product updated");
    }
    await endUserSlot(c, d, record, live, wrote, existed);
    await assignments(c, record, profileSid, wrote);
    await reconcileChannels(c, "product", sid, d.phoneNumberSids, record.channelEndpoints, wrote);
  });
  const result: ProductResult = { record, status, wrote, existed };
  await guarded(d, record, status, async () => {
    const ev = await pw.evaluateProduct(c, sid, d.product.policySid);
    result.evaluation = ev.status;
    // Requirement, field and code only: Twilio's free-text reasons may quote values (state is plain).
    result.failures = ev.failures.map((f) => ({
      requirement: f.requirement,
      field: f.field,
      code: f.code,
    }));
    if (ev.status !== "compliant" || !d.submit) return;
    const now = await pw.fetchProduct(c, sid);
    if (!now || !isEditableStatus(now.status)) return;
    status = (await pw.submitProduct(c, sid)).status;
    result.submitted = true;
    wrote.push(`submitted for review (${status})`);
  });
  result.status = status;
  return result;
}

async function guarded(
  d: DesiredProduct,
  record: ManagedProductRecord,
  status: ProfileStatus,
  fn: () => Promise<unknown>,
): Promise<void> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof ImmutableProductError) throw e; // refused before any write
    const why = e instanceof Error ? e.message : String(e);
    throw new ProductPartialError(
      `trust product ${d.key} (${record.productSid}): ${why}`,
      record,
      status,
      e,
    );
  }
}
