import { businessRecordConnector } from "./business-record-connector";
import { shadowConnector, type Connector } from "./connector";

/** Which connector owns a record type. Template systems of record register theirs here. */
const BY_RECORD_TYPE: Record<string, Connector> = {};

export function connectorFor(recordType: string, shadow: boolean): Connector {
  const real = BY_RECORD_TYPE[recordType] ?? businessRecordConnector;
  return shadow ? shadowConnector(real) : real;
}
