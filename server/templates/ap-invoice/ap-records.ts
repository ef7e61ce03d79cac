import type { Tx } from "@/server/db/tenancy";
import { RECORD_TYPES, type RecordData, type RecordType } from "@/server/records/record-types";
import type { ApRecords } from "./plan-invoice";

/** Upper bound on records one matching step reads per type: a small business's AP ledger. */
const READ_LIMIT = 5000;

/** The records of one type, parsed with the type's schema; a record that fails it is skipped. */
export async function readRecords<T extends RecordType>(
  tx: Tx,
  orgId: string,
  type: T,
  where: { dataPath?: string[]; equals?: string } = {},
): Promise<{ id: string; data: RecordData<T> }[]> {
  const rows = await tx.businessRecord.findMany({
    where: {
      orgId,
      type,
      ...(where.dataPath && where.equals !== undefined ? { data: { path: where.dataPath, equals: where.equals } } : {}),
    },
    select: { id: true, data: true },
    orderBy: { createdAt: "asc" },
    take: READ_LIMIT,
  });
  const schema = RECORD_TYPES[type].schema;
  return rows.flatMap((row) => {
    const parsed = schema.safeParse(row.data);
    return parsed.success ? [{ id: row.id, data: parsed.data as RecordData<T> }] : [];
  });
}

/** Everything the matching step compares an invoice with. */
export async function loadApRecords(tx: Tx, orgId: string): Promise<ApRecords> {
  const vendors = await readRecords(tx, orgId, "ap.vendor");
  const purchaseOrders = await readRecords(tx, orgId, "ap.purchase_order");
  return { vendors, purchaseOrders, invoices: [] };
}

/** The invoices already recorded for one vendor (duplicate detection). */
export function loadVendorInvoices(tx: Tx, orgId: string, vendorId: string) {
  return readRecords(tx, orgId, "ap.invoice", { dataPath: ["vendor_id"], equals: vendorId });
}
