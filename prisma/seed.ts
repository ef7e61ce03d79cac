import type { Role } from "../server/auth/permissions";
import { ROLES } from "../server/auth/permissions";
import { db } from "../server/db/client";
import { addMember, createOrgWithOwner, createUser } from "./factories";

export const DEMO_ORG_SLUG = "acme-demo";
export const DEMO_PASSWORD = "handrail-demo-password";
export const demoEmail = (role: Role) => `${role}@demo.handrail.test`;

/** Creates the demo organisation with one member per role, unless it already exists. */
export async function seedDemo(): Promise<{ created: boolean }> {
  const existing = await db.organization.findUnique({ where: { slug: DEMO_ORG_SLUG } });
  if (existing) return { created: false };
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
  return { created: true };
}
