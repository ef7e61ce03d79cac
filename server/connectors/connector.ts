import type { Tx } from "../db/tenancy";

export type RecordRef = { orgId: string; recordType: string; recordId: string; field: string };

/**
 * A system of record or channel. `read` returns the field's current value; `write` changes it.
 * Shadow mode uses `shadowConnector`, which reads like the real one and writes nothing: shadow
 * is a property of the connector, not a branch in every workflow.
 */
export type Connector = {
  name: string;
  read: (tx: Tx, ref: RecordRef) => Promise<unknown>;
  write: (tx: Tx, ref: RecordRef, value: unknown) => Promise<void>;
};

export function shadowConnector(real: Connector): Connector {
  return { name: `${real.name}:shadow`, read: real.read, write: async () => {} };
}
