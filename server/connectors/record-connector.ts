import { AppError } from "../errors";
import {
  insertRecord,
  lockRecord,
  removeRecord,
  saveRecordData,
  WHOLE_RECORD,
  type RecordActor,
} from "../records/record-store";
import { RECORD_TYPES, type RecordType } from "../records/record-types";
import { assertKnownField, pickKnown, validateRecordData, withFieldValue } from "../records/record-validation";
import type { Connector, RecordRef, WriteContext } from "./connector";

function actorOf(context: WriteContext | undefined): RecordActor {
  return { type: context?.actorType ?? "ai", id: context?.actorId ?? null, actionId: context?.actionId ?? null };
}

function notFound(type: RecordType, ref: RecordRef): AppError {
  return new AppError("NOT_FOUND", `${RECORD_TYPES[type].label} ${ref.recordId} was not found.`);
}

/**
 * The typed connector of one built-in record type. A field is read and written inside the
 * record's JSON, validated against the type's schema (a value of the wrong shape is refused).
 * Field "*" is the whole record: read gives null when it does not exist; writing data creates it
 * with the given id (or replaces it), writing null deletes it — the compensating change of a
 * create. Every write records a RecordChange with the actor from the context.
 */
export function recordConnector(type: RecordType): Connector {
  return {
    name: `record:${type}`,
    async read(tx, ref) {
      if (ref.field !== WHOLE_RECORD) assertKnownField(type, ref.field);
      const record = await lockRecord(tx, { orgId: ref.orgId, type, id: ref.recordId });
      if (ref.field === WHOLE_RECORD) return record ? pickKnown(type, record.data) : null;
      if (!record) throw notFound(type, ref);
      return record.data[ref.field] ?? null;
    },
    async write(tx, ref, value, context) {
      const actor = actorOf(context);
      const record = await lockRecord(tx, { orgId: ref.orgId, type, id: ref.recordId });
      if (ref.field === WHOLE_RECORD) {
        if (value === null || value === undefined) {
          if (record) await removeRecord(tx, { orgId: ref.orgId, record, actor });
          return null;
        }
        const data = validateRecordData(type, value);
        if (record) await saveRecordData(tx, { orgId: ref.orgId, record, data, actor });
        else await insertRecord(tx, { orgId: ref.orgId, type, id: ref.recordId, data, actor });
        return data;
      }
      if (!record) throw notFound(type, ref);
      const data = withFieldValue(type, record.data, ref.field, value);
      await saveRecordData(tx, { orgId: ref.orgId, record, data, actor });
      return data[ref.field] ?? null;
    },
  };
}
