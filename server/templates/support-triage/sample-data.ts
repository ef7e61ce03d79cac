import type { SampleItem, SampleRecord } from "../template-types";
import { seededFaker, slugify } from "../seeded-faker";
import type { SupportTriageSettings } from "./settings";

const queueRef = (name: string) => ({ type: "helpdesk.queue" as const, externalId: `queue:${slugify(name)}` });

/** The queues and agents of the settings, as helpdesk records. */
export function supportTriageSetupRecords(settings: SupportTriageSettings): SampleRecord[] {
  return [
    ...settings.queues.map((q) => ({
      type: "helpdesk.queue" as const,
      externalId: `queue:${slugify(q.name)}`,
      data: { name: q.name, categories: q.categories, skills: q.skills },
    })),
    ...settings.agents.map((a) => ({
      type: "helpdesk.agent" as const,
      externalId: `agent:${a.email}`,
      data: { name: a.name, email: a.email, skills: a.skills, available: true },
      refs: { queue: queueRef(a.queue) },
    })),
  ];
}

/** Knowledge-base answers for the routine questions every software business gets. */
export const KB_ANSWERS = [
  {
    key: "reset-password",
    category: "account_access",
    question: "How do I reset my password?",
    keywords: ["reset", "password", "forgot", "login"],
    answer:
      "You can reset your password from the sign-in page: choose “Forgot password”, enter your work email and follow the link we send you (it is valid for one hour). If the email does not arrive, check your spam folder.",
  },
  {
    key: "download-invoice",
    category: "billing",
    question: "Where can I download my invoices?",
    keywords: ["invoice", "download", "receipt", "pdf"],
    answer:
      "Invoices are under Settings → Billing → Invoices. Each one has a PDF download; you can also add a billing email there so invoices are mailed automatically.",
  },
  {
    key: "change-plan",
    category: "billing",
    question: "How do I upgrade or downgrade my plan?",
    keywords: ["plan", "upgrade", "downgrade", "subscription"],
    answer:
      "Owners can change the plan under Settings → Billing → Plan. Upgrades apply at once and are prorated; downgrades take effect at the end of the current billing period.",
  },
  {
    key: "add-teammate",
    category: "how_to",
    question: "How do I add a teammate to my account?",
    keywords: ["invite", "teammate", "colleague", "user", "seat"],
    answer:
      "Go to Members and choose “Invite”, enter their email and pick a role. They get an email with a link that is valid for seven days.",
  },
  {
    key: "export-data",
    category: "how_to",
    question: "How can I export my data?",
    keywords: ["export", "csv", "data", "download"],
    answer:
      "Every list has an Export button that downloads a CSV of what is on screen. For a full export of your account, owners can request an archive under Settings → Data.",
  },
  {
    key: "two-factor",
    category: "account_access",
    question: "How do I turn on two-factor authentication?",
    keywords: ["two-factor", "2fa", "authenticator", "code"],
    answer:
      "Open Account security, choose “Set up two-factor authentication”, scan the QR code with your authenticator app and confirm a code. Keep the recovery codes somewhere safe.",
  },
  {
    key: "refund-policy",
    category: "refund",
    question: "What is your refund policy?",
    keywords: ["refund", "policy", "cancel", "money"],
    answer:
      "Annual plans can be refunded in full within 30 days of purchase; monthly plans are not refunded but you can cancel at any time and keep access until the end of the period.",
  },
  {
    key: "api-key",
    category: "technical",
    question: "Where do I find my API key?",
    keywords: ["api", "key", "token", "integration"],
    answer:
      "API keys are under Settings → API. Create a key, copy it once (we only store its hash) and send it as a Bearer token. Keys can expire and be revoked at any time.",
  },
] as const;

const TICKETS = [
  {
    subject: "Charged twice this month",
    body: "We were billed twice for March. Please fix this.",
    category: "billing",
    status: "solved",
  },
  {
    subject: "Export to CSV",
    body: "Is there a way to export our contacts to CSV?",
    category: "how_to",
    status: "solved",
  },
  {
    subject: "App crashes on upload",
    body: "The app crashes when I upload a file larger than 10 MB.",
    category: "technical",
    status: "open",
  },
  { subject: "Dark mode?", body: "Would be great to have a dark mode.", category: "feature_request", status: "open" },
  {
    subject: "Locked out after SSO change",
    body: "Since we changed SSO provider, I'm locked out.",
    category: "account_access",
    status: "pending",
  },
] as const;

/** The knowledge base and a few tickets people already worked (customers from a seeded faker). */
export function supportTriageSampleData({ seed }: { seed: number; settings: SupportTriageSettings }): SampleRecord[] {
  const faker = seededFaker(seed + 10);
  return [
    ...KB_ANSWERS.map((kb) => ({
      type: "helpdesk.kb_answer" as const,
      externalId: `kb:${kb.key}`,
      data: { question: kb.question, answer: kb.answer, category: kb.category, keywords: [...kb.keywords] },
    })),
    ...TICKETS.map((t, i) => {
      const first = faker.person.firstName();
      const company = slugify(faker.company.name());
      return {
        type: "helpdesk.ticket" as const,
        externalId: `sample-ticket:${i}`,
        data: {
          subject: t.subject,
          body: `Hi,\n\n${t.body}\n\nThanks,\n${first}`,
          customer_email: `${slugify(first)}@${company}.example`,
          customer_tier: i === 0 ? "premium" : "standard",
          category: t.category,
          status: t.status,
        },
      };
    }),
  ];
}

/** Tickets worth a first run: a routine question, a refund request, an outage. */
export function supportTriageSampleItems({ seed }: { seed: number; settings: SupportTriageSettings }): SampleItem[] {
  const faker = seededFaker(seed + 11);
  const person = () => {
    const first = faker.person.firstName();
    const last = faker.person.lastName();
    return {
      name: `${first} ${last}`,
      email: `${slugify(first)}.${slugify(last)}@${slugify(faker.company.name())}.example`,
    };
  };
  const a = person();
  const b = person();
  const c = person();
  return [
    {
      kind: "ticket",
      sourceId: `sample-ticket-${seed}-password`,
      payload: {
        source_id: `sample-ticket-${seed}-password`,
        from: a.email,
        from_name: a.name,
        subject: "Forgot my password",
        body: "Hi, I forgot my password and can't log in. How do I reset my password?",
        channel: "email",
      },
    },
    {
      kind: "ticket",
      sourceId: `sample-ticket-${seed}-refund`,
      payload: {
        source_id: `sample-ticket-${seed}-refund`,
        from: b.email,
        from_name: b.name,
        subject: "Refund for unused seats",
        body: "We removed 12 seats last week but were still charged. Please refund $180 for the unused seats.",
        channel: "email",
      },
    },
    {
      kind: "ticket",
      sourceId: `sample-ticket-${seed}-outage`,
      payload: {
        source_id: `sample-ticket-${seed}-outage`,
        from: c.email,
        from_name: c.name,
        subject: "Everything is down",
        body: "The whole app is completely down for all of our users since 9am. We are losing data. Please help immediately!",
        customer_tier: "vip",
        channel: "email",
      },
    },
  ];
}
