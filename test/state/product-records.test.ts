/** apply's trust product records from Pulumi state resources (issue 14; pure). */
import { describe, expect, it } from "vitest";
import { PRODUCT_TYPE, productRecordsFrom } from "../../src/state/product-records.ts";

const record = {
  key: "acme/a2p-messaging",
  productSid: "BU" + "1".repeat(32),
  endUserSid: "IT" + "2".repeat(32),
  assignments: { ["IT" + "2".repeat(32)]: "BV1", ["BU" + "3".repeat(32)]: "BV2" },
  channelEndpoints: {},
};

describe("productRecordsFrom", () => {
  it("keeps trust product resources with a record, by key; skips deletes, profiles and junk", () => {
    const out = productRecordsFrom([
      { type: PRODUCT_TYPE, outputs: { key: record.key, record } },
      {
        type: PRODUCT_TYPE,
        delete: true,
        outputs: { key: "gone/cnam", record: { ...record, key: "gone/cnam" } },
      },
      {
        type: "pulumi-nodejs:dynamic/trusthub:Profile",
        outputs: { key: "acme", record: { profileSid: "BU1" } },
      },
      { type: PRODUCT_TYPE, outputs: { key: "bad/cnam", record: { productSid: 7 } } },
      null,
      "junk",
    ]);
    expect(out).toEqual({ [record.key]: record });
  });

  it("takes the key from the record when the output has none; drops non-string SIDs", () => {
    const out = productRecordsFrom([
      {
        type: PRODUCT_TYPE,
        outputs: {
          record: { ...record, endUserSid: null, channelEndpoints: { PN1: "RA1", PN2: 3 } },
        },
      },
    ]);
    expect(out[record.key]).toEqual({
      key: record.key,
      productSid: record.productSid,
      assignments: record.assignments,
      channelEndpoints: { PN1: "RA1" },
    });
  });
});
