/**
 * All emulator state, kept per account, with the indexes the routes need:
 * per-account tables, per-profile assignment tables and, per account, which
 * bundles each object is assigned to. Snapshot/restore for persistence.
 */
import { POLICY_SIDS, SUBACCOUNT_RULES } from "../domain/twilio.ts";
import { Table } from "./table.ts";
import type {
  Account,
  Address,
  ChannelAssignment,
  EndUser,
  EntityAssignment,
  Evaluation,
  PhoneNumber,
  Profile,
  Rec,
  SupportingDocument,
} from "./types.ts";

const PRIMARY_POLICY_SIDS: ReadonlySet<string> = new Set([
  POLICY_SIDS.primaryBusiness,
  POLICY_SIDS.primaryIndividual,
]);

export class AccountData {
  readonly account: Account;
  readonly profiles = new Table<Profile>();
  readonly trustProducts = new Table<Profile>();
  readonly phoneNumbers = new Table<PhoneNumber>();
  readonly endUsers = new Table<EndUser>();
  readonly documents = new Table<SupportingDocument>();
  readonly addresses = new Table<Address>();
  readonly entityAssignments = new Map<string, Table<EntityAssignment>>();
  readonly channelAssignments = new Map<string, Table<ChannelAssignment>>();
  readonly evaluations = new Map<string, Table<Evaluation>>();
  /** objectSid -> profile SIDs it is assigned to. */
  readonly assignedIn = new Map<string, Set<string>>();
  /** The parent account of a subaccount (set by Store.addAccount). */
  parent: AccountData | undefined = undefined;
  constructor(account: Account) {
    this.account = account;
  }

  /**
   * A profile a bundle of this account may reference: its own, or (in a
   * subaccount) the parent's primary, and nothing else of the parent's.
   * Twilio: ObjectSid "accepts a Customer Profile SID from the same account or
   * from the primary account" (docs/twilio-facts.md).
   */
  referableProfile(sid: string): Profile | undefined {
    const own = this.profiles.get(sid);
    if (own) return own;
    if (!SUBACCOUNT_RULES.secondaryMayAssignParentPrimary) return undefined;
    const theirs = this.parent?.profiles.get(sid);
    return theirs && PRIMARY_POLICY_SIDS.has(theirs.policySid) ? theirs : undefined;
  }

  assignmentsOf(profileSid: string): Table<EntityAssignment> {
    return tableFor(this.entityAssignments, profileSid);
  }
  channelsOf(profileSid: string): Table<ChannelAssignment> {
    return tableFor(this.channelAssignments, profileSid);
  }
  evaluationsOf(profileSid: string): Table<Evaluation> {
    return tableFor(this.evaluations, profileSid);
  }

  addAssignment(a: EntityAssignment): void {
    this.assignmentsOf(a.profileSid).add(a);
    let set = this.assignedIn.get(a.objectSid);
    if (!set) this.assignedIn.set(a.objectSid, (set = new Set()));
    set.add(a.profileSid);
  }

  removeAssignment(a: EntityAssignment): void {
    const table = this.assignmentsOf(a.profileSid);
    table.remove(a.sid);
    if (!table.items.some((x) => x.objectSid === a.objectSid)) {
      this.assignedIn.get(a.objectSid)?.delete(a.profileSid);
    }
  }

  /** A customer profile or trust product by SID (the children tables are keyed by either). */
  bundle(sid: string): Profile | undefined {
    return this.profiles.get(sid) ?? this.trustProducts.get(sid);
  }

  /** Bundles (profiles and trust products) the object is assigned to. */
  bundlesOf(objectSid: string): Profile[] {
    const out: Profile[] = [];
    for (const sid of this.assignedIn.get(objectSid) ?? []) {
      const p = this.bundle(sid);
      if (p) out.push(p);
    }
    return out;
  }

  removeProfile(sid: string): void {
    for (const a of [...this.assignmentsOf(sid).items]) this.removeAssignment(a);
    this.entityAssignments.delete(sid);
    this.channelAssignments.delete(sid);
    this.evaluations.delete(sid);
    this.profiles.remove(sid);
    this.trustProducts.remove(sid);
    for (const set of this.assignedIn.values()) set.delete(sid);
  }
}

function tableFor<T extends Rec>(map: Map<string, Table<T>>, key: string): Table<T> {
  let t = map.get(key);
  if (!t) map.set(key, (t = new Table<T>()));
  return t;
}

export interface Snapshot {
  format: "trusthub-emulator";
  version: 1;
  seq: number;
  sidCounters: Record<string, number>;
  accounts: Account[];
  profiles: Profile[];
  endUsers: EndUser[];
  documents: SupportingDocument[];
  addresses: Address[];
  entityAssignments: EntityAssignment[];
  channelAssignments: ChannelAssignment[];
  evaluations: Evaluation[];
  /** Absent in files written before trust products and phone numbers. */
  trustProducts?: Profile[];
  phoneNumbers?: PhoneNumber[];
}

export class Store {
  seq = 0;
  /** Bumped by every mutation; persistence writes when it moves. */
  version = 0;
  readonly accounts = new Map<string, AccountData>();
  /** API key SID -> owning account SID. */
  readonly keys = new Map<string, string>();
  /** SIDs of deleted records -> their seq, so page tokens survive deletes. */
  readonly deletedSeq = new Map<string, number>();

  nextSeq(): number {
    return ++this.seq;
  }

  touch(): void {
    this.version++;
  }

  addAccount(account: Account): AccountData {
    const existing = this.accounts.get(account.sid);
    const data = existing ?? new AccountData(account);
    if (existing) {
      existing.account.token = account.token;
      if (account.parentSid !== undefined) existing.account.parentSid = account.parentSid;
    } else {
      this.accounts.set(account.sid, data);
      for (const k of account.keys) this.keys.set(k.sid, account.sid);
    }
    this.linkParents();
    return data;
  }

  /** Resolves each subaccount's parent (accounts may be added in any order). */
  private linkParents(): void {
    for (const a of this.accounts.values()) {
      const sid = a.account.parentSid;
      a.parent = sid === undefined ? undefined : this.accounts.get(sid);
    }
  }

  /** The seq of a live or deleted record of the account, for page tokens. */
  seqOf(sid: string, tables: Table<Rec>[]): number | undefined {
    for (const t of tables) {
      const rec = t.get(sid);
      if (rec) return rec.seq;
    }
    return this.deletedSeq.get(sid);
  }

  forget(rec: Rec): void {
    this.deletedSeq.set(rec.sid, rec.seq);
  }

  snapshot(sidCounters: Record<string, number>): Snapshot {
    const snap: Snapshot = {
      format: "trusthub-emulator",
      version: 1,
      seq: this.seq,
      sidCounters,
      accounts: [],
      profiles: [],
      endUsers: [],
      documents: [],
      addresses: [],
      entityAssignments: [],
      channelAssignments: [],
      evaluations: [],
      trustProducts: [],
      phoneNumbers: [],
    };
    for (const a of this.accounts.values()) {
      snap.accounts.push(a.account);
      snap.profiles.push(...a.profiles.items);
      snap.endUsers.push(...a.endUsers.items);
      snap.documents.push(...a.documents.items);
      snap.addresses.push(...a.addresses.items);
      snap.trustProducts!.push(...a.trustProducts.items);
      snap.phoneNumbers!.push(...a.phoneNumbers.items);
      for (const t of a.entityAssignments.values()) snap.entityAssignments.push(...t.items);
      for (const t of a.channelAssignments.values()) snap.channelAssignments.push(...t.items);
      for (const t of a.evaluations.values()) snap.evaluations.push(...t.items);
    }
    return snap;
  }

  restore(snap: Snapshot): void {
    if (snap.format !== "trusthub-emulator" || snap.version !== 1) {
      throw new Error("not a trusthub emulator data file (format/version mismatch)");
    }
    this.seq = snap.seq;
    for (const a of snap.accounts) this.addAccount(a);
    const acct = (r: Rec): AccountData => {
      const d = this.accounts.get(r.accountSid);
      if (!d) throw new Error(`data file: ${r.sid} belongs to unknown account ${r.accountSid}`);
      return d;
    };
    for (const r of snap.profiles) acct(r).profiles.add(r);
    for (const r of snap.endUsers) acct(r).endUsers.add(r);
    for (const r of snap.documents) acct(r).documents.add(r);
    for (const r of snap.addresses) acct(r).addresses.add(r);
    for (const r of snap.trustProducts ?? []) acct(r).trustProducts.add(r);
    for (const r of snap.phoneNumbers ?? []) acct(r).phoneNumbers.add(r);
    for (const r of snap.entityAssignments) acct(r).addAssignment(r);
    for (const r of snap.channelAssignments) acct(r).channelsOf(r.profileSid).add(r);
    for (const r of snap.evaluations) acct(r).evaluationsOf(r.profileSid).add(r);
  }
}
