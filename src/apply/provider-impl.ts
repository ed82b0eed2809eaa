/**
 * The Trust Hub profile provider's methods, loaded by the serialized shell
 * (provider.ts) inside the provider process. One resource = one profile bundle.
 *  - check: structural validation and normalisation (inputs.ts);
 *  - diff: the planner's pure diffBundle on (desired, observed-at-plan-time), so
 *    `pulumi preview` and `trusthub plan` cannot disagree; `hold` never changes;
 *  - create/update: reconcile (guarded, idempotent), once: retries belong to the
 *    HTTP layer (src/state/http.ts); a failure after writes is reported with the
 *    profile id and the partial record, so the engine keeps it (the next apply
 *    resumes from it);
 *  - read/delete: 404 means gone. Outputs are plain JSON without personal data.
 * Since issue 15 the bundles come from the run's hand-off file (bundles.ts), outputs are compact
 * (key, kind, SIDs, status, record, digest) and the writes go to the hand-off's writes log;
 * outputs of the earlier format (no digest) always differ, and their update rewrites them
 * without a request to Twilio unless the bundle drifted.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic/index.js";
import { createClient } from "../state/client.ts";
import { deleteBundle } from "./delete.ts";
import { checkInputs, type ProfileInputs, type ProfileOutputs } from "./inputs.ts";
import { connectionFromEnv } from "./provider-env.ts";
import { PartialApplyError, reconcile, type ReconcileResult } from "./reconcile.ts";
import * as w from "./writer.ts";
import { NOT_STARTED, stopRequested } from "./interrupt.ts";
import { reconcileChannels } from "./channels.ts";
import * as product from "./product-provider.ts";
import { digestOf, handoffOf, isLegacy, stripBundles, withBundles } from "./bundles.ts";
import { noteWrites } from "./handoff.ts";
import { drifted, outputs, partial, resolved } from "./profile-props.ts";
import type { ProductInputs, ProductOutputs } from "./product-inputs.ts";

/**
 * Inside the dynamic-provider host: stop when the engine that started us is
 * gone (its children are reparented). A provider left running after the
 * engine was killed would keep writing while a re-run of apply adopts the
 * same bundles, and could race it into duplicates.
 */
function exitWithEngine(): void {
  if (!process.argv[1]?.includes("dynamic-provider")) return;
  const engine = process.ppid;
  setInterval(() => {
    if (process.ppid !== engine) process.exit(70);
  }, 250).unref();
}
exitWithEngine();

function client() {
  const conn = connectionFromEnv(process.env);
  return { c: createClient(conn), target: conn.target };
}

export function check(_olds: unknown, news: Record<string, unknown>): Promise<dynamic.CheckResult> {
  if (product.isProductProps(news)) return product.check(news);
  const { inputs: checked, failures } = checkInputs(withBundles(news, "profiles"));
  const inputs = stripBundles(checked, news);
  return Promise.resolve(failures.length > 0 ? { inputs, failures } : { inputs });
}

export function diff(
  _id: string,
  olds: ProfileOutputs & Record<string, unknown>,
  news: ProfileInputs & Record<string, unknown>,
): Promise<dynamic.DiffResult> {
  if (product.isProductProps(news))
    return product.diff(olds, news as unknown as ProductInputs & Record<string, unknown>);
  return Promise.resolve({ changes: isLegacy(olds) || drifted(olds, resolved(news)) });
}

/** The profile's phone numbers (issue 14), when its inputs declare them; in any status. */
async function numbers(
  c: ReturnType<typeof createClient>,
  inputs: ProfileInputs,
  r: ReconcileResult,
): Promise<void> {
  if (inputs.phoneNumberSids === undefined) return;
  const record = (r.record.channelEndpoints ??= {});
  try {
    await reconcileChannels(
      c,
      "profile",
      r.record.profileSid,
      inputs.phoneNumberSids,
      record,
      r.wrote,
    );
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new PartialApplyError(
      `profile ${inputs.key} (${r.record.profileSid}): ${why}`,
      r.record,
      r.status,
      e,
    );
  }
}

export async function create(
  inputs: ProfileInputs & Record<string, unknown>,
): Promise<dynamic.CreateResult> {
  if (product.isProductProps(inputs)) {
    return product.create(client().c, inputs as unknown as ProductInputs & Record<string, unknown>);
  }
  inputs = resolved(inputs);
  if (inputs.mode !== "apply" || !inputs.desired) {
    throw new Error(`profile ${inputs.key}: nothing to create (held, not in state)`);
  }
  if (stopRequested()) throw new Error(NOT_STARTED);
  const { c, target } = client();
  try {
    const opts = {
      ...(inputs.adoptSid ? { adoptSid: inputs.adoptSid } : {}),
      ...(inputs.recordOnly ? { recordOnly: true } : {}),
    };
    const desired = inputs.desired;
    const r = await reconcile(c, target, desired, undefined, opts);
    await numbers(c, inputs, r);
    return { id: r.record.profileSid, outs: outputs(inputs, r) };
  } catch (e) {
    if (e instanceof PartialApplyError) throw partial(e, inputs);
    throw e;
  }
}

export async function update(
  _id: string,
  olds: ProfileOutputs & Record<string, unknown>,
  news: ProfileInputs & Record<string, unknown>,
): Promise<dynamic.UpdateResult> {
  if (product.isProductProps(news)) {
    return product.update(
      () => client().c,
      olds as unknown as ProductOutputs & Record<string, unknown>,
      news as unknown as ProductInputs & Record<string, unknown>,
    );
  }
  news = resolved(news);
  // Nothing to write (held without numbers, or outputs of the earlier format whose bundle did not
  // drift): the outputs are rewritten in today's format, with no request to Twilio.
  if (
    ((news.mode !== "apply" || !news.desired) && news.phoneNumberSids === undefined) ||
    !drifted(olds, news)
  ) {
    const kept: ProfileOutputs = {
      key: olds.key ?? news.key,
      kind: olds.kind ?? news.kind,
      profileSid: olds.profileSid,
      status: olds.status,
      record: olds.record,
      digest: digestOf(news),
    };
    if (isLegacy(olds)) noteWrites(handoffOf(news), news.key, [], true);
    return { outs: JSON.parse(JSON.stringify(kept)) as ProfileOutputs };
  }
  if (stopRequested()) throw new Error(NOT_STARTED);
  const { c, target } = client();
  try {
    if (news.mode !== "apply" || !news.desired) {
      // Held (immutable, skipped): only its phone numbers, which Twilio allows in any status.
      const r: ReconcileResult = {
        record: { ...olds.record, channelEndpoints: { ...olds.record.channelEndpoints } },
        status: olds.status,
        wrote: [],
        existed: true,
      };
      await numbers(c, news, r);
      return { outs: outputs({ ...news, kind: olds.kind }, r) };
    }
    const opts = news.adoptSid ? { adoptSid: news.adoptSid } : {};
    const desired = news.desired;
    const r = await reconcile(c, target, desired, olds.record, opts);
    // Numbers left alone (none declared) keep their record, on the same live profile.
    const had = olds.record?.channelEndpoints;
    if (news.phoneNumberSids === undefined && had && olds.record.profileSid === r.record.profileSid)
      r.record.channelEndpoints = { ...had };
    await numbers(c, news, r);
    return { outs: outputs(news, r) };
  } catch (e) {
    if (e instanceof PartialApplyError) throw partial(e, news);
    throw e;
  }
}

export async function read(id: string, props: ProfileOutputs): Promise<dynamic.ReadResult> {
  const { c } = client();
  if (product.isProductProps(props)) return product.read(c, id, props as unknown as ProductOutputs);
  // profileSid, not id: a profile re-created after an outside delete keeps the old id.
  const live = await w.fetchProfile(c, props.profileSid || id);
  if (!live) return { id: "", props: {} };
  return { id, props: { ...props, status: live.status } };
}

export async function deleteResource(id: string, props: ProfileOutputs): Promise<void> {
  const { c, target } = client();
  if (product.isProductProps(props))
    return product.remove(c, id, props as unknown as ProductOutputs);
  await deleteBundle(c, target, id, props); // see delete.ts
}

export { deleteResource as delete };
