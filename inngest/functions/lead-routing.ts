import { randomUUID } from "node:crypto";
import { inngest } from "../client";
import { leadReceived } from "../events";
import { beginIntakeRun, governActions, governedFlowControl } from "./govern-actions";
import { runAiStep } from "@/server/ai/run-ai-step";
import { setRunStatus } from "@/server/runs/run-service";
import { enrichCompany } from "@/server/templates/lead-routing/enrich";
import { currentContact, findIdentity, ownerName, routingTable } from "@/server/templates/lead-routing/lead-lookups";
import { normaliseSource } from "@/server/templates/lead-routing/normalise-source";
import { plannedOwner, planLeadFollowUps, planLeadRecords } from "@/server/templates/lead-routing/plan-actions";
import { LEAD_RULES_VERSION } from "@/server/templates/lead-routing/prompts";
import { ZLeadRoutingSettings } from "@/server/templates/lead-routing/settings";
import { routeToOwner } from "@/server/templates/lead-routing/territory-routing";
import { scoreUrgency } from "@/server/templates/lead-routing/urgency";
import { computeStep, loadIntakeItem, pinnedVersion } from "@/server/templates/run-steps";

/** Outcomes after which the record exists (or, in shadow mode, would). */
const DONE_OUTCOMES = ["executed", "shadowed", "already_executed"];

/**
 * Lead routing: normalise the source, match the lead against the CRM, enrich its company, score
 * fit (AI) and urgency, route it by the territory table, summarise it for the owner (AI); then
 * govern the CRM changes, and once the contact exists (or would, in shadow mode) the welcome email
 * and the follow-up task. Every step is recorded on the run with its model and prompt version.
 */
export const leadRouting = inngest.createFunction(
  {
    id: "lead-routing",
    triggers: [leadReceived],
    ...governedFlowControl(),
  },
  async ({ event, step }) => {
    const { orgId, workflowId, intakeItemId, requesterId } = event.data;
    const started = await beginIntakeRun(step, event);
    if (started.status !== "started") return started;
    const { runId, versionId, timeout } = started;

    const item = await step.run("load-lead", () =>
      loadIntakeItem({ orgId, runId, versionId, intakeItemId, kind: "lead" }),
    );
    const lead = item.payload;
    const settings = ZLeadRoutingSettings.parse(item.settings);
    const rules = pinnedVersion(item.prompts, "lead-routing.rules", LEAD_RULES_VERSION);
    const compute = <T>(
      name: string,
      input: unknown,
      run: () => Promise<T> | T,
      confidence?: (r: T) => number | null,
    ) => step.run(name, () => computeStep({ orgId, runId, name, version: rules, input, run, confidence }));
    const ai = (name: string, request: Parameters<typeof runAiStep>[0]["request"]) =>
      step.run(name, () => runAiStep({ orgId, runId, workflowId, prompts: item.prompts, step: name, request }));

    const source = await compute(
      "normalise-source",
      { source: lead.source, channel: item.channel },
      () => normaliseSource(lead.source, item.channel),
      (r) => r.confidence,
    );
    const match = await compute(
      "match-identity",
      { email: lead.email },
      () => findIdentity(orgId, lead.email),
      (r) => r.identity.confidence,
    );
    const enrichment = await compute(
      "enrich-company",
      { email: lead.email, company: lead.company, website: lead.website },
      () =>
        enrichCompany({
          email: lead.email,
          company: lead.company,
          website: lead.website,
          country: lead.country,
          employees: lead.employees ?? null,
          known: match.company,
        }),
      (r) => r.confidence,
    );
    const leadText = [
      lead.message,
      lead.title ? `Title: ${lead.title}` : null,
      enrichment.name ? `Company: ${enrichment.name}` : null,
      enrichment.employees ? `${enrichment.employees} employees` : null,
    ]
      .filter(Boolean)
      .join("\n");
    const fit = await ai("score-fit", { kind: "score", text: leadText || lead.email });
    const urgency = await compute("score-urgency", { message: lead.message, source: source.source }, () =>
      scoreUrgency(lead.message, source.source),
    );
    const route = await compute(
      "route-owner",
      { country: enrichment.country, employees: enrichment.employees, industry: enrichment.industry },
      async () => {
        const table = await routingTable(orgId, settings);
        return routeToOwner({
          lead: { country: enrichment.country, employees: enrichment.employees, industry: enrichment.industry },
          territories: table.territories,
          fallbackOwnerId: table.fallbackOwnerId,
        });
      },
      (r) => r.confidence,
    );
    const summary = await ai("handoff-summary", {
      kind: "summarise",
      maxSentences: 3,
      text: [
        `${[lead.first_name, lead.last_name].filter(Boolean).join(" ") || lead.email} (${source.source})`,
        leadText,
      ]
        .filter(Boolean)
        .join(". "),
    });

    const facts = {
      lead,
      source,
      identity: match.identity,
      enrichment,
      route,
      fit:
        fit.status === "ok" && "score" in fit.output
          ? { score: fit.output.score, confidence: fit.confidence }
          : { score: null, confidence: 0 },
      urgency,
      summary:
        summary.status === "ok" && "summary" in summary.output
          ? { text: summary.output.summary, confidence: summary.confidence }
          : { text: null, confidence: 0 },
      contact: match.contact,
      company: match.company,
    };
    const records = await compute("plan-records", { identity: match.identity.kind }, () =>
      planLeadRecords({ ...facts, newIds: { contact: randomUUID(), company: randomUUID() } }),
    );
    const recordOutcomes = await governActions({
      step,
      orgId,
      workflowId,
      runId,
      requesterId,
      timeout,
      actions: records.actions,
      prefix: "record",
    });

    const contactAction = records.actions.findIndex(
      (a) => a.recordType === "crm.contact" && a.kind === "create_record",
    );
    const contactReady = contactAction === -1 || DONE_OUTCOMES.includes(recordOutcomes[contactAction] ?? "");
    if (!contactReady) {
      const output = {
        records: recordOutcomes,
        followUps: [],
        skipped: `The contact was not created (${recordOutcomes[contactAction]}).`,
      };
      await step.run("finish-run", () => setRunStatus(orgId, runId, "completed", { output }));
      return { status: "completed", runId, ...output };
    }

    const owner = plannedOwner(facts);
    const ownerAction = records.actions.findIndex((a) => a.field === "owner");
    const followUpOwner = await step.run("follow-up-owner", async () => {
      const now = await currentContact(orgId, records.contactId);
      const ownerId =
        ownerAction === -1 || DONE_OUTCOMES.includes(recordOutcomes[ownerAction] ?? "")
          ? owner.ownerId
          : ((now?.data.owner as string | null | undefined) ?? owner.ownerId);
      return { ownerId, name: await ownerName(orgId, ownerId), optedOut: now?.data.opt_out === true };
    });
    const isNewContact = contactAction !== -1;
    const wantsWelcome = settings.welcomeEmail && isNewContact && !followUpOwner.optedOut;
    const welcome = wantsWelcome
      ? await ai("draft-welcome", {
          kind: "draft",
          template: "welcome",
          variables: {
            customer_name: lead.first_name ?? "there",
            agent_name: followUpOwner.name ?? settings.senderName,
            sla: "one business day",
          },
        })
      : null;
    const followUps = await compute("plan-follow-up", { isNewContact, welcome: wantsWelcome }, () =>
      planLeadFollowUps({
        lead,
        contactId: records.contactId,
        ownerId: followUpOwner.ownerId,
        ownerName: followUpOwner.name,
        isNewContact,
        optedOut: followUpOwner.optedOut,
        urgency: urgency.score,
        fit: facts.fit.score,
        welcome:
          welcome?.status === "ok" && "body" in welcome.output
            ? {
                enabled: true,
                subject: welcome.output.subject,
                body: `${welcome.output.body}`,
                confidence: welcome.confidence,
              }
            : {
                enabled: settings.welcomeEmail,
                subject: "Thanks for getting in touch",
                body: `Hi ${lead.first_name ?? "there"},\n\nThanks for getting in touch. ${followUpOwner.name ?? settings.senderName} will follow up shortly.\n\n${settings.senderName}`,
                // A template draft the AI did not write: a person looks at it first.
                confidence: Math.max(settings.thresholds.review, 0.5),
              },
        followUpDays: settings.followUpDays,
        today: item.today,
        ids: { email: randomUUID(), task: randomUUID() },
        subjects: [lead.email, ...(match.companyDomain ? [match.companyDomain] : [])],
      }),
    );
    const followUpOutcomes = await governActions({
      step,
      orgId,
      workflowId,
      runId,
      requesterId,
      timeout,
      actions: followUps.actions,
      prefix: "follow-up",
    });
    const output = { records: recordOutcomes, followUps: followUpOutcomes, skipped: followUps.skipped };
    await step.run("finish-run", () => setRunStatus(orgId, runId, "completed", { output }));
    return { status: "completed", runId, ...output };
  },
);
