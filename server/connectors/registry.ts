import { RECORD_TYPE_KEYS } from "../records/record-types";
import { businessRecordConnector } from "./business-record-connector";
import { OUTBOUND_EMAIL, outboundMailConnector } from "./outbound-mail-connector";
import { shadowConnector, type Connector } from "./connector";
import { recordConnector } from "./record-connector";

/** Which connector owns a record type. Template systems of record and channels register theirs here. */
const BY_RECORD_TYPE: Record<string, Connector> = {
  ...Object.fromEntries(RECORD_TYPE_KEYS.map((type) => [type, recordConnector(type)])),
  [OUTBOUND_EMAIL]: outboundMailConnector,
};

export function connectorFor(recordType: string, shadow: boolean): Connector {
  const real = BY_RECORD_TYPE[recordType] ?? businessRecordConnector;
  return shadow ? shadowConnector(real) : real;
}
