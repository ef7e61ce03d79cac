/**
 * The template registry. Each template module registers itself with `defineTemplate`; adding a
 * template is one import line here. Import templates from this file (not template-registry.ts),
 * so every template is registered.
 */
import "./lead-routing/template";
import "./support-triage/template";
import "./ap-invoice/template";
import "./content/template";

export { registeredTemplate as templateFor, registeredTemplates as listTemplates } from "./template-registry";
export type { SampleItem, SampleRecord, Template, TemplateSpec } from "./template-types";

import { registeredTemplates } from "./template-registry";
import type { Template } from "./template-types";

/** Every registered template by key (filled by the imports above). */
export const TEMPLATES: Readonly<Record<string, Template>> = Object.fromEntries(
  registeredTemplates().map((t) => [t.key, t]),
);
