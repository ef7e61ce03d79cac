"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { z } from "zod";
import { formatAmount, formatDate } from "@/components/lib/format";
import { errorMessage } from "@/components/lib/trpc-errors";
import { describeApprovalScope } from "@/components/org/approval-scope";
import { useOrg } from "@/components/shell/org-context";
import { useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { can, canGrantRole, ROLE_LABELS, ROLE_RANK, ROLES, type Role } from "@/server/auth/permissions";
import type { ZMember } from "@/server/members/member.schemas";
import { ApproverScopeFields, parseLimit, scopeFrom, type ApproverScope } from "./approver-scope-fields";

type Member = z.infer<typeof ZMember>;

const sameScope = (a: ApproverScope, b: ApproverScope) =>
  a.limit.trim() === b.limit.trim() && a.domains.join() === b.domains.join();

export function MemberRow({ member, isSelf }: { member: Member; isSelf: boolean }) {
  const org = useOrg();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const initialScope = scopeFrom(member.approvalDomains, member.approvalLimit);
  const [role, setRole] = useState<Role>(member.role);
  const [scope, setScope] = useState<ApproverScope>(initialScope);
  const [limitError, setLimitError] = useState<string | null>(null);
  const initialStepUp = member.stepUpLimit === null ? "" : String(member.stepUpLimit);
  const [stepUp, setStepUp] = useState(initialStepUp);
  const [stepUpError, setStepUpError] = useState<string | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);

  const refresh = async () => {
    await queryClient.invalidateQueries(trpc.member.list.queryFilter());
    if (isSelf) await queryClient.invalidateQueries(trpc.org.current.queryFilter());
  };
  const update = useMutation(trpc.member.updateRole.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.member.remove.mutationOptions({ onSuccess: refresh }));

  const outranked = ROLE_RANK[member.role] > ROLE_RANK[org.role];
  const editable = can(org.role, "member.updateRole") && !outranked;
  const removable = can(org.role, "member.remove") && !outranked;
  const roleOptions = ROLES.filter((r) => r === member.role || canGrantRole(org.role, r));
  const dirty =
    role !== member.role ||
    (role === "approver" && (!sameScope(scope, initialScope) || stepUp.trim() !== initialStepUp));

  function save() {
    const limit = parseLimit(scope.limit);
    if (!limit.ok) return setLimitError(limit.error);
    setLimitError(null);
    const stepUpLimit = parseLimit(stepUp);
    if (!stepUpLimit.ok) return setStepUpError(stepUpLimit.error);
    setStepUpError(null);
    update.mutate({
      memberId: member.id,
      role,
      approvalDomains: scope.domains,
      approvalLimit: limit.value,
      stepUpLimit: stepUpLimit.value,
    });
  }

  const error = update.error ?? remove.error;
  return (
    <li className="space-y-3 px-4 py-4 sm:px-5" data-testid="member-row" data-email={member.email}>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <div className="min-w-0">
          <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
            <span className="truncate">{member.name ?? member.email}</span>
            {isSelf ? <Badge tone="brand">You</Badge> : null}
            <Badge tone={member.twoFactorEnabled ? "success" : "neutral"}>
              {member.twoFactorEnabled ? "2FA on" : "2FA off"}
            </Badge>
          </p>
          <p className="truncate text-sm text-slate-500">
            {member.email} · joined {formatDate(member.joinedAt)}
          </p>
          {member.role === "approver" ? (
            <p className="text-sm text-slate-500" data-testid="member-scope">
              {describeApprovalScope(member.approvalDomains, member.approvalLimit)}
              {member.stepUpLimit !== null ? (
                <span data-testid="member-step-up"> · 2FA above {formatAmount(member.stepUpLimit)}</span>
              ) : null}
            </p>
          ) : null}
        </div>
        <div className="flex shrink-0 flex-wrap items-center gap-2">
          {editable ? (
            <div className="w-full sm:w-40">
              <Select
                aria-label={`Role for ${member.email}`}
                value={role}
                onChange={(e) => setRole(e.target.value as Role)}
                data-testid="member-role-select"
              >
                {roleOptions.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABELS[r]}
                  </option>
                ))}
              </Select>
            </div>
          ) : (
            <Badge className="text-sm" data-testid="member-role-badge">
              {ROLE_LABELS[member.role]}
            </Badge>
          )}
          {editable && dirty ? (
            <Button size="sm" onClick={save} loading={update.isPending} data-testid="member-save">
              Save
            </Button>
          ) : null}
          {removable && !confirmRemove ? (
            <Button size="sm" variant="ghost" onClick={() => setConfirmRemove(true)} data-testid="member-remove">
              Remove
            </Button>
          ) : null}
        </div>
      </div>
      {editable && role === "approver" ? (
        <ApproverScopeFields
          idPrefix={`member-${member.id}`}
          value={scope}
          onChange={setScope}
          limitError={limitError}
          stepUp={{ value: stepUp, onChange: setStepUp, error: stepUpError }}
        />
      ) : null}
      {confirmRemove ? (
        <div className="flex flex-col gap-2 rounded-md border border-red-200 bg-red-50 p-3 sm:flex-row sm:items-center sm:justify-between">
          <p className="text-sm text-red-800">
            Remove {member.email} from {org.name}? They lose access immediately.
          </p>
          <div className="flex gap-2">
            <Button size="sm" variant="secondary" onClick={() => setConfirmRemove(false)}>
              Cancel
            </Button>
            <Button
              size="sm"
              variant="danger"
              loading={remove.isPending}
              onClick={() => remove.mutate({ memberId: member.id })}
              data-testid="member-remove-confirm"
            >
              Remove
            </Button>
          </div>
        </div>
      ) : null}
      {error ? (
        <Alert tone="error" data-testid="member-error">
          {errorMessage(error)}
        </Alert>
      ) : null}
    </li>
  );
}
