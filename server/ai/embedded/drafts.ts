/** Templated replies with variable slots: the embedded provider never writes free text of its own. */
const TEMPLATES: Record<string, { subject: string; body: string }> = {
  billing: {
    subject: "About your billing question{ref}",
    body: "Hi {customer_name},\n\nThanks for getting in touch about billing. We're checking your account and invoices now and will confirm the details within {sla}.\n\nBest regards,\n{agent_name}",
  },
  refund: {
    subject: "Your refund request{ref}",
    body: "Hi {customer_name},\n\nWe've received your refund request. A member of our team will review it against your payments and reply within {sla}.\n\nBest regards,\n{agent_name}",
  },
  technical: {
    subject: "We're looking into the problem{ref}",
    body: "Hi {customer_name},\n\nSorry for the trouble. Our engineers are investigating what you reported and we'll update you within {sla}. Any screenshots or error messages help.\n\nBest regards,\n{agent_name}",
  },
  account_access: {
    subject: "Getting you back into your account{ref}",
    body: "Hi {customer_name},\n\nWe'll help you regain access. For your security we'll verify your identity first; expect our next message within {sla}.\n\nBest regards,\n{agent_name}",
  },
  feature_request: {
    subject: "Thanks for the suggestion{ref}",
    body: "Hi {customer_name},\n\nThank you for the idea. We've shared it with our product team, who review every request.\n\nBest regards,\n{agent_name}",
  },
  how_to: {
    subject: "How to do it{ref}",
    body: "Hi {customer_name},\n\nGood question. Our help centre has a step-by-step guide, and we'll follow up with the exact steps for your case within {sla}.\n\nBest regards,\n{agent_name}",
  },
  other: {
    subject: "Thanks for your message{ref}",
    body: "Hi {customer_name},\n\nThanks for reaching out. We've routed your message to the right person, who will reply within {sla}.\n\nBest regards,\n{agent_name}",
  },
};

export const DRAFT_TEMPLATE_KEYS = Object.keys(TEMPLATES);

export function renderDraft(template: string, variables: Record<string, string | number | undefined>) {
  const chosen = TEMPLATES[template] ?? TEMPLATES.other!;
  const slots: Record<string, string> = {
    customer_name: "there",
    agent_name: "The support team",
    sla: "one business day",
    ...Object.fromEntries(
      Object.entries(variables)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, String(v)]),
    ),
  };
  slots.ref = variables.ticket_ref ? ` (${String(variables.ticket_ref)})` : "";
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, key: string) => slots[key] ?? "");
  const missing = [...(chosen.subject + chosen.body).matchAll(/\{(\w+)\}/g)]
    .map((m) => m[1]!)
    .filter((k) => !(k in variables) && k !== "ref");
  return {
    subject: fill(chosen.subject),
    body: fill(chosen.body),
    template: TEMPLATES[template] ? template : "other",
    defaulted: [...new Set(missing)],
  };
}
