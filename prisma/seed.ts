import type { Role } from "../server/auth/permissions";
import { ROLES } from "../server/auth/permissions";
import { db } from "../server/db/client";
import { addMember, createOrgWithOwner, createUser } from "./factories";
import { installTemplateWorkflows } from "./factories/template-workflows";

export const DEMO_ORG_SLUG = "acme-demo";
export const DEMO_PASSWORD = "handrail-demo-password";
export const demoEmail = (role: Role) => `${role}@demo.handrail.test`;

/** The templates the demo organisation runs, in shadow mode with sample data. */
export const DEMO_TEMPLATES = ["lead_routing", "support_triage"] as const;

/**
 * Creates the demo organisation with one member per role, unless it already exists, and makes
 * sure it has the demo template workflows with their sample data (idempotent).
 */
export async function seedDemo(): Promise<{ created: boolean }> {
  const existing = await db.organization.findUnique({ where: { slug: DEMO_ORG_SLUG } });
  if (existing) {
    await seedDemoWorkflows(existing.id);
    return { created: false };
  }
  const owner = await createUser({
    email: demoEmail("owner"),
    name: "Olivia Owner",
    password: DEMO_PASSWORD,
    platformAdmin: true,
  });
  const org = await createOrgWithOwner(owner, "Acme Demo");
  const names: Record<Role, string> = {
    owner: "Olivia Owner",
    admin: "Adam Admin",
    builder: "Bea Builder",
    approver: "Arjun Approver",
    operator: "Omar Operator",
    auditor: "Ada Auditor",
  };
  for (const role of ROLES.filter((r) => r !== "owner")) {
    const user = await createUser({ email: demoEmail(role), name: names[role], password: DEMO_PASSWORD });
    await addMember({
      orgId: org.id,
      user,
      role,
      ...(role === "approver" ? { approvalDomains: ["sales", "support", "finance"], approvalLimit: 10_000 } : {}),
    });
  }
  await seedDemoWorkflows(org.id);
  return { created: true };
}

/** The builder designs the workflows, so owners, admins and approvers can approve their actions. */
async function seedDemoWorkflows(orgId: string) {
  const builder = await db.user.findUnique({ where: { email: demoEmail("builder") } });
  if (!builder) return;
  await installTemplateWorkflows({ orgId, author: builder, templateKeys: DEMO_TEMPLATES });
}
