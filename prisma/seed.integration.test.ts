import { describe, expect, it } from "vitest";
import { db } from "../server/db/client";
import { withScope } from "../server/db/tenancy";
import { DEMO_ORG_SLUG, DEMO_TEMPLATES, seedDemo } from "./seed";

describe("demo seed", () => {
  it("gives the demo organisation the template workflows with sample data, once", async () => {
    await seedDemo();
    const org = await db.organization.findUniqueOrThrow({ where: { slug: DEMO_ORG_SLUG } });
    const count = () =>
      withScope({ orgId: org.id }, async (tx) => ({
        workflows: await tx.workflow.findMany({ where: { orgId: org.id }, select: { templateKey: true, mode: true } }),
        records: await tx.businessRecord.count({ where: { orgId: org.id } }),
      }));
    const first = await count();
    expect(first.workflows.map((w) => w.templateKey).sort()).toEqual([...DEMO_TEMPLATES].sort());
    expect(first.workflows.every((w) => w.mode === "shadow")).toBe(true);
    expect(first.records).toBeGreaterThan(30);

    expect(await seedDemo()).toEqual({ created: false });
    expect(await count()).toEqual(first);
  });
});
