import type { TemplateKey } from "@/inngest/events";
import { AppError } from "../errors";
import type { Template, TemplateSpec } from "./template-types";

const REGISTRY = new Map<TemplateKey, Template>();

/**
 * Registers a template module. Each template file calls this once; server/templates/index.ts
 * imports every template file, so importing the index is what fills the registry.
 */
export function defineTemplate<S extends Record<string, unknown>>(spec: TemplateSpec<S>): Template {
  const parse = (raw: unknown): S => spec.settings.parse(raw ?? {});
  const template: Template = {
    key: spec.key,
    name: spec.name,
    description: spec.description,
    intakeKinds: spec.intakeKinds,
    settingsSchema: spec.settings,
    minutesPerItem: spec.minutesPerItem,
    prompts: spec.prompts,
    parseSettings: parse,
    defaultSettings: () => parse({}),
    policy: (settings) => spec.policy(parse(settings)),
    setupRecords: (settings) => spec.setupRecords?.(parse(settings)) ?? [],
    sampleData: ({ seed, settings }) => spec.sampleData({ seed, settings: parse(settings) }),
    sampleItems: ({ seed, settings }) => spec.sampleItems({ seed, settings: parse(settings) }),
  };
  REGISTRY.set(spec.key, template);
  return template;
}

export function registeredTemplates(): Template[] {
  return [...REGISTRY.values()];
}

export function registeredTemplate(key: string): Template {
  const template = REGISTRY.get(key as TemplateKey);
  if (!template) throw new AppError("NOT_FOUND", `There is no template "${key}".`);
  return template;
}
