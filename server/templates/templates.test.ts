import { describe, expect, it } from "vitest";
import { ZVersionPolicy } from "../governance/policy-store";
import { TEMPLATE_INTAKE_KINDS, INTAKE_PAYLOADS } from "../intake/intake-payloads";
import { RECORD_TYPES } from "../records/record-types";
import { listTemplates, templateFor, TEMPLATES } from ".";

describe("template registry", () => {
  it("registers lead routing and support triage", () => {
    expect(Object.keys(TEMPLATES)).toEqual(expect.arrayContaining(["lead_routing", "support_triage"]));
    expect(templateFor("lead_routing").name).toBe("Lead routing");
    expect(() => templateFor("nope")).toThrow(/no template/);
  });

  it.each(listTemplates().map((t) => [t.key, t] as const))(
    "%s has a valid default policy, settings and sample data",
    (key, t) => {
      const settings = t.defaultSettings();
      expect(ZVersionPolicy.parse(t.policy(settings))).toBeTruthy();
      expect(t.intakeKinds).toEqual(TEMPLATE_INTAKE_KINDS[key]);
      const records = [...t.setupRecords(settings), ...t.sampleData({ seed: 7, settings })];
      const ids = new Set(records.map((r) => `${r.type}/${r.externalId}`));
      expect(ids.size).toBe(records.length);
      for (const r of records) {
        expect(() => RECORD_TYPES[r.type].schema.parse(r.data), `${r.type} ${r.externalId}`).not.toThrow();
        for (const ref of Object.values(r.refs ?? {})) expect(ids.has(`${ref.type}/${ref.externalId}`)).toBe(true);
      }
      for (const item of t.sampleItems({ seed: 7, settings })) {
        expect(() => INTAKE_PAYLOADS[item.kind].parse(item.payload)).not.toThrow();
      }
    },
  );

  it("generates the same sample data for the same seed, other data for another", () => {
    const t = templateFor("lead_routing");
    const settings = t.defaultSettings();
    expect(t.sampleData({ seed: 1, settings })).toEqual(t.sampleData({ seed: 1, settings }));
    expect(t.sampleData({ seed: 2, settings })).not.toEqual(t.sampleData({ seed: 1, settings }));
  });

  it("refuses settings that name an owner who is not one", () => {
    const t = templateFor("lead_routing");
    expect(() =>
      t.parseSettings({
        owners: [{ name: "A", email: "a@x.example" }],
        territories: [{ name: "T", ownerEmail: "b@x.example" }],
      }),
    ).toThrow(/not one of the sales owners/);
  });

  it("takes refund tiers from the support settings", () => {
    const policy = templateFor("support_triage").policy({ refundApprovalAbove: 20, refundTwoPersonAbove: 200 });
    expect(policy.approval.amount).toMatchObject({ approveAbove: 20, twoPersonAbove: 200 });
  });
});
