import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { INVITATION_STATUSES } from "@/server/invitations/invitation.schemas";

type Status = (typeof INVITATION_STATUSES)[number];

const TONES: Record<Status, BadgeTone> = {
  pending: "brand",
  accepted: "success",
  revoked: "neutral",
  expired: "warning",
};
const LABELS: Record<Status, string> = {
  pending: "Pending",
  accepted: "Accepted",
  revoked: "Revoked",
  expired: "Expired",
};

export function InvitationStatusBadge({ status, ...rest }: { status: Status; "data-testid"?: string }) {
  return (
    <Badge tone={TONES[status]} data-status={status} {...rest}>
      {LABELS[status]}
    </Badge>
  );
}
