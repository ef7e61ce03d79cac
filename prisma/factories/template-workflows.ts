import { db } from "../../server/db/client";
import { withScope } from "../../server/db/tenancy";
import { createWorkflowFromTemplate, loadSampleData } from "../../server/workflows/template-workflow";

/**
 * Installs template workflows in an organisation (shadow mode, sample data loaded), authored by
 * `author`. Idempotent: a template the organisation already has a workflow for is skipped, and
 * sample data is matched on external ids.
 */
export async function installTemplateWorkflows(input: {
  orgId: string;
  author: { id: string; email: string };
  templateKeys: readonly string[];
}): Promise<{ installed: string[] }> {
  const { orgId, author } = input;
  const existing = await withScope({ orgId }, (tx) =>
    tx.workflow.findMany({
      where: { orgId, templateKey: { in: [...input.templateKeys] } },
      select: { templateKey: true },
    }),
  );
  const membership = await db.membership.findFirst({ where: { orgId, userId: author.id }, select: { role: true } });
  const ctx = {
    orgId,
    userId: author.id,
    actor: { type: "human" as const, id: author.id, label: author.email },
    role: membership?.role,
  };
  const installed: string[] = [];
  for (const templateKey of input.templateKeys) {
    if (existing.some((w) => w.templateKey === templateKey)) continue;
    const { workflowId } = await createWorkflowFromTemplate(ctx, { templateKey });
    await loadSampleData(ctx, { workflowId });
    installed.push(templateKey);
  }
  return { installed };
}
