import type { Tx } from "../db/tenancy";
import { GENESIS_HASH, hashAuditEntry } from "./audit-hash";
import type { z } from "zod";
import type { ZVerifyAuditResponse } from "./audit.schemas";

type Report = z.infer<typeof ZVerifyAuditResponse>;
const BATCH = 1000;

/**
 * Walks a chain from its first entry, recomputing every hash. Edits show as hash mismatches,
 * deletions as gaps or broken links, and deleting the newest entries as a head that is ahead.
 */
export async function verifyAuditChain(tx: Tx, chainKey: string): Promise<Report> {
  const problems: Report["problems"] = [];
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;

  for (;;) {
    const batch = await tx.auditEntry.findMany({
      where: { chainKey, seq: { gte: expectedSeq } },
      orderBy: { seq: "asc" },
      take: BATCH,
    });
    for (const entry of batch) {
      if (entry.seq !== expectedSeq) {
        problems.push({
          seq: expectedSeq,
          kind: "missing_entries",
          detail: `entries ${expectedSeq}–${entry.seq - 1} are missing`,
        });
      }
      if (entry.prevHash !== prevHash) {
        problems.push({ seq: entry.seq, kind: "broken_link", detail: "does not link to the entry before it" });
      }
      const recomputed = hashAuditEntry(entry);
      if (recomputed !== entry.hash) {
        problems.push({ seq: entry.seq, kind: "hash_mismatch", detail: "content was changed after it was written" });
      }
      prevHash = entry.hash;
      expectedSeq = entry.seq + 1;
      checked++;
    }
    if (batch.length < BATCH) break;
  }

  const head = await tx.auditChainHead.findUnique({ where: { chainKey } });
  if (head && head.seq >= expectedSeq) {
    problems.push({
      seq: expectedSeq,
      kind: "truncated",
      detail: `the chain should end at entry ${head.seq} but ends at ${expectedSeq - 1}`,
    });
  } else if (head && head.seq === expectedSeq - 1 && head.hash !== prevHash) {
    problems.push({ seq: head.seq, kind: "hash_mismatch", detail: "the newest entry differs from the recorded head" });
  }
  return { ok: problems.length === 0, checked, problems };
}
