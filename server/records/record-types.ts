import { z } from "zod";
import type { ApprovalDomain } from "../auth/permissions";
import type { FIELD_RULES } from "../governance/policy.schemas";

/**
 * The built-in systems of record: one entry per record type, the single source of truth read by
 * the record service (validation), the connectors, the templates, the list/detail pages and the
 * field contract editor. Records live in BusinessRecord rows (type + JSON data); see ADR 007.
 *
 * Field names are snake_case so that the product's protected-field names (`owner`,
 * `opportunity_stage`, `close_date`, `forecast_category`, `opt_out`, ...) are the field names.
 */

type FieldRule = (typeof FIELD_RULES)[number];

export type RecordTypeDefinition = {
  label: string;
  plural: string;
  system: RecordSystem;
  domain: ApprovalDomain;
  /** The field that names a record in lists and diffs. */
  titleField: string;
  /** Fields shown as list columns, in order. */
  listFields: readonly string[];
  schema: z.ZodObject;
  /** What AI may do with each field unless the organisation's contract says otherwise. */
  defaultContract: Readonly<Record<string, { rule: FieldRule; protected?: boolean }>>;
  /** Fields holding the id of another record, and that record's type (shown as links). */
  references?: Readonly<Record<string, string>>;
  /** Fields holding the id of a record whose type is in another field (e.g. a task's related record). */
  typedReferences?: Readonly<Record<string, string>>;
};

export const RECORD_SYSTEMS = ["crm", "helpdesk", "ap", "content"] as const;
export type RecordSystem = (typeof RECORD_SYSTEMS)[number];
export const RECORD_SYSTEM_LABELS: Record<RecordSystem, string> = {
  crm: "CRM",
  helpdesk: "Helpdesk",
  ap: "Accounts payable",
  content: "Content",
};

const id = z.string().min(1).max(128);
const text = (max = 200) => z.string().trim().max(max);
const email = z.string().trim().toLowerCase().pipe(z.email()).nullable().default(null);
const isoDate = z.iso.date().nullable().default(null);
const isoDateTime = z.iso.datetime({ offset: true }).nullable().default(null);
const money = z.number().nonnegative().max(1e12);
const currency = z
  .string()
  .regex(/^[A-Z]{3}$/, "a three-letter ISO currency code")
  .default("USD");
const tags = z.array(text(64)).max(50).default([]);

const lineItem = z.object({
  description: text(500),
  quantity: z.number().positive().max(1e9),
  unit_price: money,
});

export const RECORD_TYPES = {
  // ─── CRM ───
  "crm.company": {
    label: "Company",
    plural: "Companies",
    system: "crm",
    domain: "sales",
    titleField: "name",
    listFields: ["name", "domain", "country", "employees", "owner"],
    schema: z.object({
      name: text().min(1),
      domain: text().toLowerCase().nullable().default(null),
      industry: text().nullable().default(null),
      employees: z.number().int().nonnegative().nullable().default(null),
      country: text(2).toUpperCase().nullable().default(null),
      region: text().nullable().default(null),
      territory: id.nullable().default(null),
      owner: id.nullable().default(null),
      /** strategic, named_account, customer, competitor, ... (the gate reads them). */
      relationship_flags: tags,
      lifecycle: z.enum(["prospect", "customer", "churned"]).default("prospect"),
    }),
    references: { territory: "crm.territory", owner: "crm.owner" },
    defaultContract: {
      name: { rule: "write_if_empty" },
      domain: { rule: "write_if_empty" },
      industry: { rule: "write_if_empty" },
      employees: { rule: "write_if_empty" },
      country: { rule: "write_if_empty" },
      region: { rule: "write_if_empty" },
      territory: { rule: "write" },
      owner: { rule: "suggest_only", protected: true },
      relationship_flags: { rule: "never", protected: true },
      lifecycle: { rule: "never" },
    },
  },
  "crm.contact": {
    label: "Contact",
    plural: "Contacts",
    system: "crm",
    domain: "sales",
    titleField: "email",
    listFields: ["email", "first_name", "last_name", "company_id", "owner", "status"],
    schema: z.object({
      email: email,
      first_name: text().nullable().default(null),
      last_name: text().nullable().default(null),
      title: text().nullable().default(null),
      phone: text(40).nullable().default(null),
      company_id: id.nullable().default(null),
      owner: id.nullable().default(null),
      source: text().nullable().default(null),
      opt_out: z.boolean().default(false),
      fit_score: z.number().min(0).max(100).nullable().default(null),
      urgency_score: z.number().min(0).max(100).nullable().default(null),
      status: z.enum(["new", "working", "qualified", "disqualified"]).default("new"),
      handoff_summary: text(4000).nullable().default(null),
    }),
    references: { company_id: "crm.company", owner: "crm.owner" },
    defaultContract: {
      email: { rule: "write_if_empty" },
      first_name: { rule: "write_if_empty" },
      last_name: { rule: "write_if_empty" },
      title: { rule: "write_if_empty" },
      phone: { rule: "write_if_empty" },
      company_id: { rule: "write_if_empty" },
      owner: { rule: "suggest_only", protected: true },
      source: { rule: "write_if_empty" },
      opt_out: { rule: "never", protected: true },
      fit_score: { rule: "write" },
      urgency_score: { rule: "write" },
      status: { rule: "suggest_only" },
      handoff_summary: { rule: "write" },
    },
  },
  "crm.owner": {
    label: "Sales owner",
    plural: "Sales owners",
    system: "crm",
    domain: "sales",
    titleField: "name",
    listFields: ["name", "email", "capacity"],
    schema: z.object({
      name: text().min(1),
      email: email,
      /** Open leads this owner can take on. */
      capacity: z.number().int().nonnegative().default(50),
    }),
    defaultContract: { name: { rule: "never" }, email: { rule: "never" }, capacity: { rule: "never" } },
  },
  "crm.territory": {
    label: "Territory",
    plural: "Territories",
    system: "crm",
    domain: "sales",
    titleField: "name",
    listFields: ["name", "countries", "min_employees", "owner", "priority"],
    schema: z.object({
      name: text().min(1),
      countries: z.array(text(2).toUpperCase()).default([]),
      industries: tags,
      min_employees: z.number().int().nonnegative().nullable().default(null),
      max_employees: z.number().int().nonnegative().nullable().default(null),
      owner: id.nullable().default(null),
      /** Lower wins when several rules match (the routing table is deterministic). */
      priority: z.number().int().default(100),
    }),
    references: { owner: "crm.owner" },
    defaultContract: {
      name: { rule: "never" },
      countries: { rule: "never" },
      industries: { rule: "never" },
      min_employees: { rule: "never" },
      max_employees: { rule: "never" },
      owner: { rule: "never", protected: true },
      priority: { rule: "never" },
    },
  },
  "crm.task": {
    label: "Task",
    plural: "Tasks",
    system: "crm",
    domain: "sales",
    titleField: "title",
    listFields: ["title", "due_date", "owner", "status"],
    schema: z.object({
      title: text().min(1),
      due_date: isoDate,
      owner: id.nullable().default(null),
      related_type: text(64).nullable().default(null),
      related_id: id.nullable().default(null),
      status: z.enum(["open", "done"]).default("open"),
    }),
    references: { owner: "crm.owner" },
    typedReferences: { related_id: "related_type" },
    defaultContract: {
      title: { rule: "write" },
      due_date: { rule: "write" },
      owner: { rule: "write" },
      related_type: { rule: "write" },
      related_id: { rule: "write" },
      status: { rule: "suggest_only" },
    },
  },
  "crm.opportunity": {
    label: "Opportunity",
    plural: "Opportunities",
    system: "crm",
    domain: "sales",
    titleField: "name",
    listFields: ["name", "company_id", "opportunity_stage", "amount", "close_date", "owner"],
    schema: z.object({
      name: text().min(1),
      company_id: id.nullable().default(null),
      opportunity_stage: z
        .enum(["qualification", "discovery", "proposal", "negotiation", "closed_won", "closed_lost"])
        .default("qualification"),
      amount: money.nullable().default(null),
      currency,
      close_date: isoDate,
      forecast_category: z.enum(["pipeline", "best_case", "commit", "closed", "omitted"]).default("pipeline"),
      owner: id.nullable().default(null),
    }),
    references: { company_id: "crm.company", owner: "crm.owner" },
    defaultContract: {
      name: { rule: "suggest_only" },
      company_id: { rule: "suggest_only" },
      opportunity_stage: { rule: "never", protected: true },
      amount: { rule: "suggest_only" },
      currency: { rule: "never" },
      close_date: { rule: "never", protected: true },
      forecast_category: { rule: "never", protected: true },
      owner: { rule: "suggest_only", protected: true },
    },
  },

  // ─── Helpdesk ───
  "helpdesk.ticket": {
    label: "Ticket",
    plural: "Tickets",
    system: "helpdesk",
    domain: "support",
    titleField: "subject",
    listFields: ["subject", "customer_email", "category", "urgency", "queue", "status"],
    schema: z.object({
      subject: text(300).min(1),
      body: text(20_000),
      customer_email: email,
      customer_tier: z.enum(["standard", "premium", "vip"]).default("standard"),
      category: text(64).nullable().default(null),
      urgency: z.enum(["low", "normal", "high", "urgent"]).nullable().default(null),
      sentiment: z.enum(["negative", "neutral", "positive"]).nullable().default(null),
      skill: text(64).nullable().default(null),
      queue: id.nullable().default(null),
      assignee: id.nullable().default(null),
      status: z.enum(["new", "open", "pending", "solved"]).default("new"),
      sla_due_at: isoDateTime,
      refund_amount: money.nullable().default(null),
      tags,
    }),
    references: { queue: "helpdesk.queue", assignee: "helpdesk.agent" },
    defaultContract: {
      subject: { rule: "never" },
      body: { rule: "never" },
      customer_email: { rule: "never" },
      customer_tier: { rule: "never", protected: true },
      category: { rule: "write" },
      urgency: { rule: "write" },
      sentiment: { rule: "write" },
      skill: { rule: "write" },
      queue: { rule: "write" },
      assignee: { rule: "write" },
      status: { rule: "suggest_only" },
      sla_due_at: { rule: "never" },
      // Refunds: the amount tiers of the policy decide (above a threshold → people).
      refund_amount: { rule: "write" },
      tags: { rule: "write" },
    },
  },
  "helpdesk.queue": {
    label: "Queue",
    plural: "Queues",
    system: "helpdesk",
    domain: "support",
    titleField: "name",
    listFields: ["name", "categories", "skills"],
    schema: z.object({ name: text().min(1), categories: tags, skills: tags }),
    defaultContract: { name: { rule: "never" }, categories: { rule: "never" }, skills: { rule: "never" } },
  },
  "helpdesk.agent": {
    label: "Agent",
    plural: "Agents",
    system: "helpdesk",
    domain: "support",
    titleField: "name",
    listFields: ["name", "email", "queue", "skills", "available"],
    schema: z.object({
      name: text().min(1),
      email: email,
      queue: id.nullable().default(null),
      skills: tags,
      available: z.boolean().default(true),
    }),
    references: { queue: "helpdesk.queue" },
    defaultContract: {
      name: { rule: "never" },
      email: { rule: "never" },
      queue: { rule: "never" },
      skills: { rule: "never" },
      available: { rule: "never" },
    },
  },
  "helpdesk.kb_answer": {
    label: "Knowledge-base answer",
    plural: "Knowledge base",
    system: "helpdesk",
    domain: "support",
    titleField: "question",
    listFields: ["question", "category"],
    schema: z.object({
      question: text(500).min(1),
      answer: text(10_000).min(1),
      category: text(64).nullable().default(null),
      keywords: tags,
    }),
    defaultContract: {
      question: { rule: "never" },
      answer: { rule: "never" },
      category: { rule: "never" },
      keywords: { rule: "never" },
    },
  },
  "helpdesk.reply": {
    label: "Reply",
    plural: "Replies",
    system: "helpdesk",
    domain: "support",
    titleField: "body",
    listFields: ["ticket_id", "author", "public", "sent_at"],
    schema: z.object({
      ticket_id: id,
      body: text(20_000).min(1),
      author: text(),
      public: z.boolean().default(true),
      kb_answer_id: id.nullable().default(null),
      sent_at: isoDateTime,
    }),
    references: { ticket_id: "helpdesk.ticket", kb_answer_id: "helpdesk.kb_answer" },
    defaultContract: {
      ticket_id: { rule: "write" },
      body: { rule: "suggest_only" },
      author: { rule: "write" },
      public: { rule: "suggest_only" },
      kb_answer_id: { rule: "write" },
      sent_at: { rule: "write" },
    },
  },

  // ─── Accounts payable ───
  "ap.vendor": {
    label: "Vendor",
    plural: "Vendors",
    system: "ap",
    domain: "finance",
    titleField: "name",
    listFields: ["name", "email", "terms_days", "currency", "status"],
    schema: z.object({
      name: text().min(1),
      email: email,
      /** Payment terms: net days after the invoice date. */
      terms_days: z.number().int().min(0).max(365).default(30),
      currency,
      tax_id: text(64).nullable().default(null),
      bank_account: text(64).nullable().default(null),
      status: z.enum(["new", "approved", "blocked"]).default("new"),
    }),
    defaultContract: {
      name: { rule: "never" },
      email: { rule: "write_if_empty" },
      terms_days: { rule: "never", protected: true },
      currency: { rule: "never" },
      tax_id: { rule: "write_if_empty" },
      bank_account: { rule: "never", protected: true },
      status: { rule: "never", protected: true },
    },
  },
  "ap.purchase_order": {
    label: "Purchase order",
    plural: "Purchase orders",
    system: "ap",
    domain: "finance",
    titleField: "po_number",
    listFields: ["po_number", "vendor_id", "total", "currency", "status"],
    schema: z.object({
      po_number: text(64).min(1),
      vendor_id: id,
      currency,
      total: money,
      lines: z.array(lineItem).max(500).default([]),
      status: z.enum(["open", "partially_billed", "billed", "closed"]).default("open"),
    }),
    references: { vendor_id: "ap.vendor" },
    defaultContract: {
      po_number: { rule: "never" },
      vendor_id: { rule: "never" },
      currency: { rule: "never" },
      total: { rule: "never", protected: true },
      lines: { rule: "never" },
      status: { rule: "suggest_only" },
    },
  },
  "ap.invoice": {
    label: "Invoice",
    plural: "Invoices",
    system: "ap",
    domain: "finance",
    titleField: "invoice_number",
    listFields: ["invoice_number", "vendor_name", "total", "currency", "due_date", "status"],
    schema: z.object({
      vendor_id: id.nullable().default(null),
      vendor_name: text().nullable().default(null),
      invoice_number: text(64).min(1),
      invoice_date: isoDate,
      due_date: isoDate,
      currency,
      total: money,
      po_number: text(64).nullable().default(null),
      purchase_order_id: id.nullable().default(null),
      lines: z.array(lineItem).max(500).default([]),
      match_status: z.enum(["unmatched", "matched", "mismatch", "duplicate"]).default("unmatched"),
      discrepancies: z.array(text(500)).default([]),
      approver: id.nullable().default(null),
      status: z.enum(["received", "in_review", "approved", "rejected", "scheduled", "paid"]).default("received"),
    }),
    references: { vendor_id: "ap.vendor", purchase_order_id: "ap.purchase_order" },
    defaultContract: {
      vendor_id: { rule: "write_if_empty" },
      vendor_name: { rule: "write_if_empty" },
      invoice_number: { rule: "write_if_empty" },
      invoice_date: { rule: "write_if_empty" },
      due_date: { rule: "write_if_empty" },
      currency: { rule: "write_if_empty" },
      total: { rule: "write_if_empty" },
      po_number: { rule: "write_if_empty" },
      purchase_order_id: { rule: "write" },
      lines: { rule: "write_if_empty" },
      match_status: { rule: "write" },
      discrepancies: { rule: "write" },
      approver: { rule: "write" },
      status: { rule: "suggest_only", protected: true },
    },
  },
  "ap.payment": {
    label: "Payment",
    plural: "Payment schedule",
    system: "ap",
    domain: "finance",
    titleField: "invoice_id",
    listFields: ["invoice_id", "amount", "currency", "scheduled_for", "status"],
    schema: z.object({
      invoice_id: id,
      vendor_id: id.nullable().default(null),
      amount: money,
      currency,
      scheduled_for: isoDate,
      status: z.enum(["scheduled", "released", "cancelled"]).default("scheduled"),
    }),
    references: { invoice_id: "ap.invoice", vendor_id: "ap.vendor" },
    defaultContract: {
      invoice_id: { rule: "write" },
      vendor_id: { rule: "write" },
      amount: { rule: "suggest_only", protected: true },
      currency: { rule: "write" },
      scheduled_for: { rule: "suggest_only" },
      status: { rule: "suggest_only", protected: true },
    },
  },

  // ─── Content ───
  "content.channel": {
    label: "Channel",
    plural: "Channels",
    system: "content",
    domain: "marketing",
    titleField: "name",
    listFields: ["name", "platform", "max_length", "handle"],
    schema: z.object({
      name: text().min(1),
      platform: z.enum(["x", "linkedin", "facebook", "instagram", "mastodon", "bluesky", "newsletter"]),
      handle: text(100).nullable().default(null),
      /** Per-platform length limit in characters. */
      max_length: z.number().int().positive().max(100_000),
      active: z.boolean().default(true),
    }),
    defaultContract: {
      name: { rule: "never" },
      platform: { rule: "never" },
      handle: { rule: "never" },
      max_length: { rule: "never" },
      active: { rule: "never", protected: true },
    },
  },
  "content.article": {
    label: "Article",
    plural: "Articles",
    system: "content",
    domain: "marketing",
    titleField: "title",
    listFields: ["title", "url", "published_at"],
    schema: z.object({
      title: text(300).min(1),
      url: z.url().nullable().default(null),
      summary: text(2000).nullable().default(null),
      body: text(100_000),
      /** legal, pricing, brand_sensitive, ... (send posts to review). */
      sensitivity: tags,
      published_at: isoDateTime,
    }),
    defaultContract: {
      title: { rule: "never" },
      url: { rule: "never" },
      summary: { rule: "write_if_empty" },
      body: { rule: "never" },
      sensitivity: { rule: "never", protected: true },
      published_at: { rule: "never" },
    },
  },
  "content.post": {
    label: "Post",
    plural: "Posts",
    system: "content",
    domain: "marketing",
    titleField: "body",
    listFields: ["channel_id", "body", "scheduled_for", "status"],
    schema: z.object({
      channel_id: id,
      article_id: id.nullable().default(null),
      body: text(100_000).min(1),
      kind: z.enum(["variant", "quote"]).default("variant"),
      scheduled_for: isoDateTime,
      status: z.enum(["draft", "scheduled", "published", "cancelled"]).default("draft"),
    }),
    references: { channel_id: "content.channel", article_id: "content.article" },
    defaultContract: {
      channel_id: { rule: "write" },
      article_id: { rule: "write" },
      body: { rule: "suggest_only" },
      kind: { rule: "write" },
      scheduled_for: { rule: "write" },
      status: { rule: "suggest_only" },
    },
  },
  "content.mention": {
    label: "Reply or mention",
    plural: "Replies and mentions",
    system: "content",
    domain: "marketing",
    titleField: "body",
    listFields: ["channel_id", "author", "body", "sentiment", "status"],
    schema: z.object({
      channel_id: id.nullable().default(null),
      post_id: id.nullable().default(null),
      author: text(),
      body: text(10_000),
      received_at: isoDateTime,
      sentiment: z.enum(["negative", "neutral", "positive"]).nullable().default(null),
      status: z.enum(["new", "seen", "replied"]).default("new"),
    }),
    references: { channel_id: "content.channel", post_id: "content.post" },
    defaultContract: {
      channel_id: { rule: "write" },
      post_id: { rule: "write" },
      author: { rule: "never" },
      body: { rule: "never" },
      received_at: { rule: "never" },
      sentiment: { rule: "write" },
      status: { rule: "suggest_only" },
    },
  },
  "content.performance": {
    label: "Performance figure",
    plural: "Performance",
    system: "content",
    domain: "marketing",
    titleField: "post_id",
    listFields: ["channel_id", "posted_at", "impressions", "clicks", "engagements"],
    schema: z.object({
      channel_id: id,
      post_id: id.nullable().default(null),
      posted_at: z.iso.datetime({ offset: true }),
      impressions: z.number().int().nonnegative(),
      clicks: z.number().int().nonnegative(),
      engagements: z.number().int().nonnegative(),
    }),
    references: { channel_id: "content.channel", post_id: "content.post" },
    defaultContract: {
      channel_id: { rule: "never" },
      post_id: { rule: "never" },
      posted_at: { rule: "never" },
      impressions: { rule: "never" },
      clicks: { rule: "never" },
      engagements: { rule: "never" },
    },
  },
} as const satisfies Record<string, RecordTypeDefinition>;

export type RecordType = keyof typeof RECORD_TYPES;
export const RECORD_TYPE_KEYS = Object.keys(RECORD_TYPES) as RecordType[];
export const ZRecordType = z.enum(RECORD_TYPE_KEYS as [RecordType, ...RecordType[]]);

/** The validated data of a record of type T. */
export type RecordData<T extends RecordType> = z.output<(typeof RECORD_TYPES)[T]["schema"]>;

export function recordTypeDefinition(type: RecordType): RecordTypeDefinition {
  return RECORD_TYPES[type];
}

export function isRecordType(value: string): value is RecordType {
  return Object.hasOwn(RECORD_TYPES, value);
}

/** The record type a field points to when it holds another record's id (null when it does not). */
export function referencedType(
  type: RecordType,
  field: string,
  data?: Readonly<Record<string, unknown>>,
): RecordType | null {
  const definition = recordTypeDefinition(type);
  const fixed = definition.references?.[field];
  if (fixed) return isRecordType(fixed) ? fixed : null;
  const typeField = definition.typedReferences?.[field];
  const dynamic = typeField ? data?.[typeField] : undefined;
  return typeof dynamic === "string" && isRecordType(dynamic) ? dynamic : null;
}
