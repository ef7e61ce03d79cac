import { describe, expect, it } from "vitest";
import { describeField, describeFields, fieldLabel } from "./field-descriptors";
import { RECORD_TYPE_KEYS, RECORD_TYPES, isRecordType, recordTypeDefinition, referencedType } from "./record-types";

describe("field descriptors from the record schemas", () => {
  it("describes every field of every record type", () => {
    for (const type of RECORD_TYPE_KEYS) {
      expect(describeFields(type).map((f) => f.name)).toEqual(Object.keys(RECORD_TYPES[type].schema.shape));
    }
  });

  it("derives kinds, options, nullability and bounds from the schema", () => {
    expect(describeField("crm.contact", "email")).toMatchObject({ kind: "email", nullable: true, required: false });
    expect(describeField("crm.contact", "status")).toMatchObject({
      kind: "enum",
      options: ["new", "working", "qualified", "disqualified"],
    });
    expect(describeField("crm.contact", "fit_score")).toMatchObject({ kind: "number", minimum: 0, maximum: 100 });
    expect(describeField("crm.contact", "opt_out").kind).toBe("boolean");
    expect(describeField("crm.contact", "handoff_summary").kind).toBe("longtext");
    expect(describeField("crm.company", "relationship_flags").kind).toBe("list");
    expect(describeField("crm.company", "employees").kind).toBe("integer");
    expect(describeField("crm.task", "due_date").kind).toBe("date");
    expect(describeField("helpdesk.ticket", "sla_due_at").kind).toBe("datetime");
    expect(describeField("ap.invoice", "lines").kind).toBe("json");
    expect(describeField("content.article", "url").kind).toBe("url");
    expect(describeField("crm.company", "name")).toMatchObject({ kind: "text", required: true, maxLength: 200 });
    expect(describeField("crm.territory", "priority").minimum).toBeNull();
  });

  it("labels fields for people", () => {
    expect(fieldLabel("first_name")).toBe("First name");
    expect(fieldLabel("sla_due_at")).toBe("SLA due at");
    expect(fieldLabel("tax_id")).toBe("Tax ID");
    expect(describeField("crm.contact", "company_id").label).toBe("Company");
    expect(describeField("ap.invoice", "po_number").label).toBe("PO number");
  });
});

describe("record references", () => {
  it("point at record types that exist, from fields that exist", () => {
    for (const type of RECORD_TYPE_KEYS) {
      const definition = recordTypeDefinition(type);
      for (const [field, target] of Object.entries(definition.references ?? {})) {
        expect(Object.keys(RECORD_TYPES[type].schema.shape), `${type}.${field}`).toContain(field);
        expect(isRecordType(target), `${type}.${field} → ${target}`).toBe(true);
      }
      for (const [field, typeField] of Object.entries(definition.typedReferences ?? {})) {
        expect(Object.keys(RECORD_TYPES[type].schema.shape)).toEqual(expect.arrayContaining([field, typeField]));
      }
    }
  });

  it("resolves fixed and typed references", () => {
    expect(referencedType("crm.contact", "company_id")).toBe("crm.company");
    expect(referencedType("crm.contact", "email")).toBeNull();
    expect(referencedType("crm.task", "related_id", { related_type: "crm.contact" })).toBe("crm.contact");
    expect(referencedType("crm.task", "related_id", { related_type: "nonsense" })).toBeNull();
  });
});
