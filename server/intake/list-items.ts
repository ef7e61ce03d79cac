import type { Tx } from "../db/tenancy";
import { requireWorkflow } from "./intake-endpoint";
import type { IntakeItemView, ItemDisplayStatus } from "./intake.schemas";
import { kindOfPayload } from "./normalise-payload";

type Payload = Record<string, unknown>;
const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);

const ITEM_FIELDS = {
  id: true,
  workflowId: true,
  channel: true,
  sourceId: true,
  payload: true,
  status: true,
  error: true,
  receivedAt: true,
  _count: { select: { attachments: true } },
} as const;

type ItemRow = {
  id: string;
  workflowId: string;
  channel: string;
  sourceId: string;
  payload: unknown;
  status: string;
  error: string | null;
  receivedAt: Date;
  _count: { attachments: number };
};

/** One line that tells items apart in a list. */
function summarise(kind: string | null, p: Payload): string {
  switch (kind) {
    case "lead":
      return [str(p.company), str(p.email)].filter(Boolean).join(" · ") || "Lead";
    case "ticket":
      return [str(p.subject) ?? "Ticket", str(p.from)].filter(Boolean).join(" — ");
    case "invoice":
      return (str(p.filename) ?? str(p.text)?.split("\n")[0] ?? "Invoice").slice(0, 80);
    case "article":
      return str(p.title) ?? "Article";
    case "mention":
      return `${str(p.author) ?? "Someone"} on ${str(p.channel) ?? "a channel"}`;
    default:
      return "Item";
  }
}

function displayStatus(stored: string, run: { status: string } | undefined): ItemDisplayStatus {
  if (stored === "duplicate") return "duplicate";
  if (run) return run.status === "failed" || run.status === "cancelled" ? "failed" : "run_started";
  return stored === "sent" ? "queued" : "accepted";
}

const duplicateOf = (item: ItemRow) =>
  item.status === "duplicate" ? str((item.payload as Payload | null)?.duplicate_of) : null;

/** Items with what became of them: a run is found by its trigger key (the item's source id). */
async function viewsOf(tx: Tx, orgId: string, templateKey: string, items: ItemRow[]): Promise<IntakeItemView[]> {
  const missing = [...new Set(items.map(duplicateOf).filter((id): id is string => Boolean(id)))].filter(
    (id) => !items.some((i) => i.id === id),
  );
  const earlier = missing.length
    ? await tx.intakeItem.findMany({ where: { orgId, id: { in: missing } }, select: ITEM_FIELDS })
    : [];
  const byId = new Map([...items, ...earlier].map((i) => [i.id, i]));
  const originals = items.filter((i) => i.status !== "duplicate");
  const runs = originals.length
    ? await tx.run.findMany({
        where: { orgId, OR: originals.map((i) => ({ workflowId: i.workflowId, triggerKey: i.sourceId })) },
        select: { id: true, workflowId: true, triggerKey: true, status: true },
      })
    : [];
  const runOf = (item: ItemRow) => runs.find((r) => r.workflowId === item.workflowId && r.triggerKey === item.sourceId);

  return items.map((item) => {
    const originalId = duplicateOf(item);
    const original = originalId ? byId.get(originalId) : item;
    const payload = (original?.payload ?? {}) as Payload;
    const kind = original ? kindOfPayload(templateKey, payload) : null;
    const run = originalId ? undefined : runOf(item);
    return {
      id: item.id,
      workflowId: item.workflowId,
      channel: item.channel,
      kind,
      summary: originalId ? `Repeat of ${summarise(kind, payload)}` : summarise(kind, payload),
      sourceId: original?.sourceId ?? item.sourceId,
      status: displayStatus(item.status, run),
      error: item.error,
      runId: run?.id ?? null,
      runStatus: run?.status ?? null,
      duplicateOf: originalId,
      attachments: item._count.attachments,
      receivedAt: item.receivedAt,
    };
  });
}

/** The newest items of a workflow, repeats included. */
export async function listIntakeItems(tx: Tx, orgId: string, workflowId: string, limit: number) {
  const workflow = await requireWorkflow(tx, orgId, workflowId);
  const items = await tx.intakeItem.findMany({
    where: { orgId, workflowId },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: ITEM_FIELDS,
  });
  return viewsOf(tx, orgId, workflow.templateKey, items);
}

export async function listIntakeItem(tx: Tx, orgId: string, itemId: string): Promise<IntakeItemView | null> {
  const item = await tx.intakeItem.findFirst({ where: { id: itemId, orgId }, select: ITEM_FIELDS });
  if (!item) return null;
  const workflow = await requireWorkflow(tx, orgId, item.workflowId);
  const [view] = await viewsOf(tx, orgId, workflow.templateKey, [item]);
  return view ?? null;
}
