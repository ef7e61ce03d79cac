"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { errorMessage } from "@/components/lib/trpc-errors";
import { useOrg } from "@/components/shell/org-context";
import { useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { can } from "@/server/auth/permissions";
import { isEditableValue, parseEdit, REJECT_REASONS, showValue, type ApprovalItem } from "./format-value";
import { StepUpSheet } from "./step-up-sheet";

export type DecisionOutcome = "pending" | "approved" | "rejected";

const CONFIRMED: Record<DecisionOutcome, string> = {
  approved: "Approved. The workflow continues with this change.",
  rejected: "Rejected. Nothing will change.",
  pending: "Your approval is recorded. It now needs a second approver.",
};

export function DecisionConfirmed({ outcome, approvalId }: { outcome: DecisionOutcome; approvalId: string }) {
  return (
    <Alert
      tone={outcome === "rejected" ? "warning" : "success"}
      data-testid="decision-confirmed"
      data-approval-id={approvalId}
      data-outcome={outcome}
    >
      {CONFIRMED[outcome]}
    </Alert>
  );
}

type Mode = "idle" | "edit" | "reject";

/** Approve in one tap, edit then approve, or reject with a reason. Every decision is a POST. */
export function DecisionPanel({
  item,
  allowEdit = false,
  onDecided,
}: {
  item: ApprovalItem;
  allowEdit?: boolean;
  onDecided?: (outcome: DecisionOutcome) => void;
}) {
  const org = useOrg();
  const trpc = useTRPC();
  const decide = useMutation(trpc.approval.decide.mutationOptions({ onSuccess: (r) => onDecided?.(r.outcome) }));
  const [mode, setMode] = useState<Mode>("idle");
  const [edited, setEdited] = useState(showValue(item.action.newValue));
  const [editError, setEditError] = useState<string | null>(null);
  const [picked, setPicked] = useState<string>("");
  const [other, setOther] = useState("");
  /** A high-risk approval waits here for the authenticator code (undefined value: as proposed). */
  const [stepUp, setStepUp] = useState<{ editedValue?: string | number | boolean } | null>(null);

  if (!can(org.role, "approval.decide")) return null;
  if (decide.data) return <DecisionConfirmed outcome={decide.data.outcome} approvalId={item.id} />;
  if (item.myRefusal) {
    return (
      <p className="text-sm text-slate-600" data-testid="approval-refusal">
        {item.myRefusal}
      </p>
    );
  }

  const base = { approvalId: item.id, decisionToken: item.decisionToken ?? undefined };
  const approveWith = (editedValue?: string | number | boolean) => {
    if (item.stepUp) {
      decide.reset();
      setStepUp({ editedValue });
      return;
    }
    decide.mutate({ ...base, approve: true, editedValue });
  };
  const approve = () => approveWith();
  const submitEdit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseEdit(item.action.newValue, edited);
    if (!parsed.ok) return setEditError(parsed.error);
    setEditError(null);
    approveWith(parsed.value);
  };
  const reason = picked === "other" ? other.trim() : picked;
  const submitReject = (e: FormEvent) => {
    e.preventDefault();
    if (reason) decide.mutate({ ...base, approve: false, reason });
  };

  return (
    <div className="space-y-3" data-testid="decision-panel">
      {item.stepUp ? (
        <p className="text-xs text-slate-600" data-testid="step-up-note">
          High risk: approving asks for a code from your authenticator app.
        </p>
      ) : null}
      {stepUp ? (
        <StepUpSheet
          approvalId={item.id}
          pending={decide.isPending}
          error={decide.error}
          onSubmit={(totpCode) => decide.mutate({ ...base, approve: true, editedValue: stepUp.editedValue, totpCode })}
          onCancel={() => {
            setStepUp(null);
            decide.reset();
          }}
        />
      ) : null}
      {decide.error && !stepUp ? (
        <Alert tone="error" data-testid="decision-error">
          {errorMessage(decide.error)}
        </Alert>
      ) : null}
      {mode === "idle" ? (
        <div className="grid grid-cols-2 gap-2 sm:flex">
          <Button onClick={approve} loading={decide.isPending} className="h-11 sm:h-10" data-testid="approve">
            Approve
          </Button>
          <Button
            variant="secondary"
            onClick={() => setMode("reject")}
            disabled={decide.isPending}
            className="h-11 sm:h-10"
            data-testid="reject"
          >
            Reject
          </Button>
          {allowEdit && isEditableValue(item.action.newValue) ? (
            <Button
              variant="ghost"
              onClick={() => setMode("edit")}
              disabled={decide.isPending}
              className="col-span-2 h-11 sm:h-10"
              data-testid="edit"
            >
              Edit, then approve
            </Button>
          ) : null}
        </div>
      ) : null}
      {mode === "edit" ? (
        <form onSubmit={submitEdit} className="space-y-3" data-testid="edit-form" noValidate>
          <Field
            id={`edit-${item.id}`}
            label={`New ${item.action.field}`}
            hint="What executes is this value, not the proposal."
            error={editError}
          >
            <Input
              value={edited}
              inputMode={typeof item.action.newValue === "number" ? "decimal" : undefined}
              onChange={(e) => setEdited(e.target.value)}
              data-testid="edit-value"
            />
          </Field>
          <div className="grid grid-cols-2 gap-2 sm:flex">
            <Button type="submit" loading={decide.isPending} className="h-11 sm:h-10" data-testid="edit-approve">
              Approve edited
            </Button>
            <Button variant="secondary" onClick={() => setMode("idle")} className="h-11 sm:h-10">
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
      {mode === "reject" ? (
        <form onSubmit={submitReject} className="space-y-3" data-testid="reject-form">
          <fieldset>
            <legend className="mb-2 text-sm font-medium text-slate-800">Why reject it?</legend>
            <div className="flex flex-wrap gap-2">
              {[...REJECT_REASONS, "other"].map((r) => (
                <label
                  key={r}
                  className={cn(
                    "cursor-pointer rounded-full border px-3 py-1.5 text-sm",
                    picked === r ? "border-brand-600 bg-brand-50 text-brand-700" : "border-slate-300 text-slate-700",
                  )}
                >
                  <input
                    type="radio"
                    name={`reason-${item.id}`}
                    value={r}
                    className="sr-only"
                    checked={picked === r}
                    onChange={() => setPicked(r)}
                    data-testid="reject-reason-option"
                  />
                  {r === "other" ? "Other…" : r}
                </label>
              ))}
            </div>
          </fieldset>
          {picked === "other" ? (
            <Field id={`reject-other-${item.id}`} label="Your reason">
              <Input
                value={other}
                onChange={(e) => setOther(e.target.value)}
                maxLength={1000}
                data-testid="reject-reason-text"
              />
            </Field>
          ) : null}
          <div className="grid grid-cols-2 gap-2 sm:flex">
            <Button
              type="submit"
              variant="danger"
              disabled={!reason}
              loading={decide.isPending}
              className="h-11 sm:h-10"
              data-testid="reject-confirm"
            >
              Reject
            </Button>
            <Button variant="secondary" onClick={() => setMode("idle")} className="h-11 sm:h-10">
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
