/**
 * Seeds an organisation for the records spec (owner, admin, operator, auditor) through the real
 * factories, in a child process with the test database's env; prints the scenario as JSON.
 * Test-only, and outside the product: nothing here is reachable over HTTP.
 */
import { randomUUID } from "node:crypto";
import { addMember, createOrgWithOwner, createUser } from "../../prisma/factories";

const PASSWORD = "correct horse battery staple";
const tag = randomUUID().slice(0, 8);
const person = (role: string, name: string) =>
  createUser({ email: `${role}-${tag}@example.test`, name, password: PASSWORD });

const owner = await person("owner", "Olivia Owner");
const org = await createOrgWithOwner(owner, `Records ${tag}`);
const admin = await person("admin", "Ada Admin");
const operator = await person("operator", "Oscar Operator");
const auditor = await person("auditor", "Audrey Auditor");
await addMember({ orgId: org.id, user: admin, role: "admin" });
await addMember({ orgId: org.id, user: operator, role: "operator" });
await addMember({ orgId: org.id, user: auditor, role: "auditor" });
const pick = (u: { id: string; email: string }) => ({ id: u.id, email: u.email });
process.stdout.write(
  `\n${JSON.stringify({ slug: org.slug, orgId: org.id, owner: pick(owner), admin: pick(admin), operator: pick(operator), auditor: pick(auditor) })}\n`,
);
process.exit(0);
