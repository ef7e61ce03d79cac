import type { Tx } from "../db/tenancy";

export type RecordRef = { orgId: string; recordType: string; recordId: string; field: string };

/**
 * Who a write is made for: AI on its own, AI after people approved (the governed action's id),
 * a person or the system (a rollback). Connectors record it with the change they make.
 */
export type WriteContext = {
  actorType: "ai" | "human_approved_ai" | "human" | "system";
  actorId?: string | null;
  actionId?: string | null;
};

/**
 * A system of record or channel. `read` returns the field's current value; `write` changes it and
 * may return the value as stored (normalised by the system of record), which is what a later
 * rollback compares against; `undefined` means "exactly as given".
 * Shadow mode uses `shadowConnector`, which reads like the real one and writes nothing: shadow
 * is a property of the connector, not a branch in every workflow.
 */
export type Connector = {
  name: string;
  read: (tx: Tx, ref: RecordRef) => Promise<unknown>;
  write: (tx: Tx, ref: RecordRef, value: unknown, context?: WriteContext) => Promise<unknown>;
};

export function shadowConnector(real: Connector): Connector {
  return { name: `${real.name}:shadow`, read: real.read, write: () => Promise.resolve(undefined) };
}
