"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { errorMessage, fieldErrors } from "@/components/lib/trpc-errors";
import { useOrg } from "@/components/shell/org-context";
import { useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { canGrantRole, ROLE_LABELS, ROLES, type Role } from "@/server/auth/permissions";
import { ApproverScopeFields, parseLimit, type ApproverScope } from "./approver-scope-fields";

const EMPTY_SCOPE: ApproverScope = { domains: [], limit: "" };

export function InviteForm() {
  const org = useOrg();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const roles = ROLES.filter((r) => canGrantRole(org.role, r));
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>(roles.includes("builder") ? "builder" : (roles[0] ?? "auditor"));
  const [scope, setScope] = useState<ApproverScope>(EMPTY_SCOPE);
  const [limitError, setLimitError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const invite = useMutation(
    trpc.invitation.create.mutationOptions({
      onSuccess: async (_data, input) => {
        setSentTo(input.email);
        setEmail("");
        setScope(EMPTY_SCOPE);
        await queryClient.invalidateQueries(trpc.invitation.list.queryFilter());
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSentTo(null);
    const limit = parseLimit(scope.limit);
    if (!limit.ok) return setLimitError(limit.error);
    setLimitError(null);
    invite.mutate({
      email,
      role,
      approvalDomains: role === "approver" ? scope.domains : [],
      approvalLimit: role === "approver" ? limit.value : null,
    });
  }

  const fields = fieldErrors(invite.error);
  return (
    <Card title="Invite a teammate" description="They get an email with a link that works once and expires in 7 days.">
      <form onSubmit={submit} noValidate className="space-y-4" data-testid="invite-form">
        {invite.error && !fields.email ? (
          <Alert tone="error" data-testid="invite-form-error">
            {errorMessage(invite.error)}
          </Alert>
        ) : null}
        {sentTo ? (
          <Alert tone="success" data-testid="invite-success">
            Invitation sent to {sentTo}. Without SMTP configured, mail lands in the{" "}
            <Link href="/dev/outbox" className="font-medium underline">
              dev outbox
            </Link>
            .
          </Alert>
        ) : null}
        <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
          <Field id="invite-email" label="Email address" error={fields.email}>
            <Input
              type="email"
              autoComplete="off"
              placeholder="teammate@company.com"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              data-testid="invite-email"
            />
          </Field>
          <Field id="invite-role" label="Role">
            <Select value={role} onChange={(e) => setRole(e.target.value as Role)} data-testid="invite-role">
              {roles.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        {role === "approver" ? (
          <ApproverScopeFields idPrefix="invite" value={scope} onChange={setScope} limitError={limitError} />
        ) : null}
        <Button type="submit" loading={invite.isPending} data-testid="invite-submit">
          Send invitation
        </Button>
      </form>
    </Card>
  );
}
