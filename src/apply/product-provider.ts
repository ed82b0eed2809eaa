/**
 * The provider methods of a trust product resource (issue 14), called by
 * provider-impl.ts when the inputs (or outputs) carry a `product` field: one
 * serialized provider serves both resource types. Same contract as profiles:
 * create/update reconcile once (product-reconcile.ts); a failure after writes
 * reports the product id and the partial record so the engine keeps it; `hold`
 * never changes; outputs hold SIDs, status and evaluation only.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic/index.js";
import { isImmutableStatus } from "../domain/twilio.ts";
import type { TwilioClient } from "../state/client.ts";
import { NOT_STARTED, stopRequested } from "./interrupt.ts";
import { checkProductInputs, type ProductInputs, type ProductOutputs } from "./product-inputs.ts";
import { ProductPartialError, reconcileProduct, type ProductResult } from "./product-reconcile.ts";
import * as pw from "./product-writer.ts";
import * as w from "./writer.ts";
import {
  checkFailed,
  digestOf,
  handoffOf,
  isLegacy,
  stripBundles,
  withBundles,
  writesLog,
} from "./bundles.ts";
import { noteWrites } from "./handoff.ts";

const PROVIDER_KEY = "__provider";

export function isProductProps(props: unknown): boolean {
  return typeof props === "object" && props !== null && "product" in props;
}

/** Compact outputs; the writes go to the hand-off's log (or, with inline bundles, into outputs). */
function outputs(
  inputs: ProductInputs & Record<string, unknown>,
  r: ProductResult,
): ProductOutputs {
  const outs: ProductOutputs = {
    key: inputs.key,
    profileKey: inputs.profileKey,
    product: inputs.product,
    productSid: r.record.productSid,
    status: r.status,
    record: r.record,
    digest: digestOf(inputs),
    ...(r.evaluation ? { evaluation: r.evaluation } : {}),
    ...(r.failures ? { failures: r.failures } : {}),
    ...(r.submitted ? { submitted: true } : {}),
  };
  const log = writesLog(inputs);
  if (log) noteWrites(log, inputs.key, r.wrote);
  else outs.writes = r.wrote;
  return JSON.parse(JSON.stringify(outs)) as ProductOutputs;
}

/** The bundles of `props` resolved (hand-off file or inline) and checked. */
function resolved<T extends Record<string, unknown>>(props: T): T {
  const { inputs, failures } = checkProductInputs(withBundles(props, "products"));
  if (failures.length > 0) throw checkFailed(props["key"], failures);
  return inputs as T;
}

function partial(e: ProductPartialError, inputs: ProductInputs & Record<string, unknown>): Error {
  const outs: ProductOutputs = {
    key: inputs.key,
    profileKey: inputs.profileKey,
    product: inputs.product,
    productSid: e.record.productSid,
    status: e.status,
    record: e.record,
    digest: digestOf(inputs),
  };
  const err = new Error(e.message) as Error & {
    id: string;
    properties: unknown;
    reasons: string[];
  };
  err.id = e.record.productSid;
  err.properties = { ...JSON.parse(JSON.stringify(outs)), [PROVIDER_KEY]: inputs[PROVIDER_KEY] };
  err.reasons = [e.message];
  return err;
}

export function check(news: Record<string, unknown>): Promise<dynamic.CheckResult> {
  const { inputs: checked, failures } = checkProductInputs(withBundles(news, "products"));
  const inputs = stripBundles(checked, news);
  return Promise.resolve(failures.length > 0 ? { inputs, failures } : { inputs });
}

/**
 * A product the plan writes (mode apply) always changes: the plan registers `apply` only when it
 * decided a write or a submit, and reconcile is idempotent, so Pulumi never skips what the plan
 * showed. `hold` never changes. Outputs of the earlier format (issue 15) always differ.
 */
export function diff(
  olds: Record<string, unknown>,
  news: ProductInputs & Record<string, unknown>,
): Promise<dynamic.DiffResult> {
  const apply = news.mode === "apply" && (news.desired !== undefined || "digest" in news);
  return Promise.resolve({ changes: apply || isLegacy(olds) });
}

export async function create(
  c: TwilioClient,
  inputs: ProductInputs & Record<string, unknown>,
): Promise<dynamic.CreateResult> {
  inputs = resolved(inputs);
  if (inputs.mode !== "apply" || !inputs.desired) {
    throw new Error(`trust product ${inputs.key}: nothing to create (held, not in state)`);
  }
  if (stopRequested()) throw new Error(NOT_STARTED);
  try {
    const r = await reconcileProduct(c, inputs.desired, undefined, {
      ...(inputs.adoptSid ? { adoptSid: inputs.adoptSid } : {}),
      ...(inputs.recordOnly ? { recordOnly: true } : {}),
      ...(inputs.profileSid ? { profileSid: inputs.profileSid } : {}),
    });
    return { id: r.record.productSid, outs: outputs(inputs, r) };
  } catch (e) {
    if (e instanceof ProductPartialError) throw partial(e, inputs);
    throw e;
  }
}

export async function update(
  c: () => TwilioClient,
  olds: ProductOutputs & Record<string, unknown>,
  news: ProductInputs & Record<string, unknown>,
): Promise<dynamic.UpdateResult> {
  news = resolved(news);
  if (news.mode !== "apply" || !news.desired) {
    // Held: nothing to write; outputs of the earlier format are rewritten in today's.
    const kept: Record<string, unknown> = { ...olds };
    delete kept[PROVIDER_KEY];
    delete kept["writes"];
    if (isLegacy(olds)) noteWrites(handoffOf(news), news.key, [], true);
    return { outs: { ...kept, digest: digestOf(news) } };
  }
  if (stopRequested()) throw new Error(NOT_STARTED);
  try {
    const r = await reconcileProduct(c(), news.desired, olds.record, {
      ...(news.adoptSid ? { adoptSid: news.adoptSid } : {}),
      ...(news.recordOnly ? { recordOnly: true } : {}),
      ...(news.profileSid ? { profileSid: news.profileSid } : {}),
    });
    return { outs: outputs(news, r) };
  } catch (e) {
    if (e instanceof ProductPartialError) throw partial(e, news);
    throw e;
  }
}

export async function read(
  c: TwilioClient,
  id: string,
  props: ProductOutputs,
): Promise<dynamic.ReadResult> {
  const live = await pw.fetchProduct(c, props.productSid || id);
  if (!live) return { id: "", props: {} };
  return { id, props: { ...props, status: live.status } };
}

/** `apply --prune`: a draft or rejected product goes with its end user; a held one is refused. */
export async function remove(c: TwilioClient, id: string, props: ProductOutputs): Promise<void> {
  const sid = props.productSid || id;
  const live = await pw.fetchProduct(c, sid);
  if (live && isImmutableStatus(live.status)) {
    throw new Error(
      `trust product ${props.key} (${sid}) is ${live.status}: Twilio does not allow deleting it; Twilio Support must do it`,
    );
  }
  if (live) await pw.deleteProduct(c, sid);
  const eu = props.record?.endUserSid;
  if (eu) {
    try {
      await w.deleteEndUser(c, eu);
    } catch (e) {
      const status = (e as { status?: unknown }).status;
      if (typeof status !== "number" || status < 400 || status >= 500 || status === 429) throw e;
    }
  }
}
