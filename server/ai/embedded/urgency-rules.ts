import { SUPPORT_URGENCIES } from "../tasks/task-registry";

/**
 * Urgency is not learnable from text alone (offline-recipes.md): the text gives a severity, the
 * customer's tier and SLA move it. These rules are the support template's urgency policy.
 */
export type UrgencyContext = { tier?: string; slaHours?: number };
export type Urgency = (typeof SUPPORT_URGENCIES)[number];

const CRITICAL = [
  /\b(outage|down for (all|every)|completely down|for all (of )?our users|for everyone|whole company|losing data|data loss|security breach|none of our team)\b/i,
];
const MAJOR = [
  /\b(crash(es|ed)?|locked out|can'?t log ?in|cannot log ?in|stopped (working|firing)|immediately|vanished|missing|50[0-9]|redirect(s|ing)? .* loop|deactivated|charged (twice|again)|billing a card we cancelled)\b/i,
];
const MINOR = [
  /\b(how (do|can) i|where (do|can) i|would be great|could you add|feature idea|suggestion|typo|any plans|is there a way|i wish)\b/i,
];

/** A severity floor from keywords, or null when no rule speaks. */
export function keywordSeverity(text: string): Urgency | null {
  if (CRITICAL.some((re) => re.test(text))) return "urgent";
  if (MAJOR.some((re) => re.test(text))) return "high";
  if (MINOR.some((re) => re.test(text))) return "low";
  return null;
}

/** Enterprise customers on a short SLA move up a level (never past urgent); free-tier "high" waits as normal. */
export function applyTierPolicy(severity: Urgency, context: UrgencyContext): { urgency: Urgency; rule: string | null } {
  let level = SUPPORT_URGENCIES.indexOf(severity);
  let rule: string | null = null;
  if (context.tier === "enterprise" && (context.slaHours ?? Infinity) <= 4 && level >= 1 && level < 3) {
    level += 1;
    rule = `enterprise tier with a ${context.slaHours}h SLA raises urgency`;
  }
  if (context.tier === "free" && level === 2) {
    level -= 1;
    rule = "free tier: high becomes normal";
  }
  return { urgency: SUPPORT_URGENCIES[level] ?? severity, rule };
}
