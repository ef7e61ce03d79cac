/**
 * Seeds an organisation with a template workflow for one Playwright test, through the real
 * factories and services; prints `{ slug, workflowId, email, password }` as its last line.
 * Usage: npx tsx server/intake/testing/seed-intake.cli.ts <templateKey>. Test-only.
 */
import { createIntakeOrg } from "./intake-fixtures";

const PASSWORD = "correct horse battery";
const templateKey = process.argv[2] ?? "lead_routing";
const org = await createIntakeOrg(templateKey, "E2E Intake");
process.stdout.write(
  `${JSON.stringify({ slug: org.slug, workflowId: org.workflowId, email: org.owner.email, password: PASSWORD })}\n`,
);
process.exit(0);
