import type { z } from "zod";
import type { IntakeKind, TemplateKey } from "@/inngest/events";
import type { WorkflowPrompts } from "../ai/prompt-versions";
import type { VersionPolicy } from "../governance/policy-store";
import type { RecordType } from "../records/record-types";

/**
 * A record a template creates from its settings (owners, territories, queues...) or as sample
 * data. `externalId` is stable per template and seed, so loading twice creates nothing new
 * (BusinessRecord is unique per organisation, type and externalId).
 */
export type SampleRecord = {
  type: RecordType;
  externalId: string;
  data: Record<string, unknown>;
  /** Fields that hold the id of another record of the same load, named by type and externalId. */
  refs?: Record<string, { type: RecordType; externalId: string }>;
};

/** An item a template sends through intake so a first (shadow) run happens. */
export type SampleItem = { kind: IntakeKind; sourceId: string; payload: Record<string, unknown> };

/** What a template module declares (typed by its own settings). */
export type TemplateSpec<S extends Record<string, unknown>> = {
  key: TemplateKey;
  name: string;
  description: string;
  /** Intake kinds it accepts; the first is its main trigger (TEMPLATE_INTAKE_KINDS). */
  intakeKinds: readonly IntakeKind[];
  /** What the onboarding wizard asks; stored in WorkflowVersion.settings. `.meta({ title, description })` labels the form. */
  settings: z.ZodType<S>;
  /** The default governance policy for the given settings (WorkflowVersion.policy). */
  policy: (settings: S) => VersionPolicy;
  /** The prompt versions a version pins (WorkflowVersion.prompts, see server/ai/prompt-versions.ts). */
  prompts: WorkflowPrompts;
  /** Records the settings describe (owners, territories, queues, agents...), created with the workflow. */
  setupRecords?: (settings: S) => SampleRecord[];
  /** Realistic demo data from a seeded faker: the same seed gives the same records. */
  sampleData: (input: { seed: number; settings: S }) => SampleRecord[];
  /** Items for a first run through intake, in the order they are worth showing. */
  sampleItems: (input: { seed: number; settings: S }) => SampleItem[];
  /** Minutes a person spends on one item by hand (the ROI baseline). */
  minutesPerItem: number;
};

/** A registered template: settings are parsed on the way in, so callers pass what they have. */
export type Template = {
  key: TemplateKey;
  name: string;
  description: string;
  intakeKinds: readonly IntakeKind[];
  settingsSchema: z.ZodType<Record<string, unknown>>;
  minutesPerItem: number;
  prompts: WorkflowPrompts;
  /** The settings with every default filled in; throws a ZodError for invalid input. */
  parseSettings: (raw: unknown) => Record<string, unknown>;
  defaultSettings: () => Record<string, unknown>;
  policy: (settings: unknown) => VersionPolicy;
  setupRecords: (settings: unknown) => SampleRecord[];
  sampleData: (input: { seed: number; settings: unknown }) => SampleRecord[];
  sampleItems: (input: { seed: number; settings: unknown }) => SampleItem[];
};
