/** Hand-written ticket phrasings for the support-triage example sets (see generate-data.ts). */
export type Severity = "minor" | "normal" | "major" | "critical";
type Phrase = { text: string; severity: Severity };

const p = (severity: Severity, ...texts: string[]): Phrase[] => texts.map((text) => ({ text, severity }));

export const CATEGORY_PHRASES: Record<string, Phrase[]> = {
  billing: [
    ...p(
      "normal",
      "I was charged twice this month, {amount} each time.",
      "My invoice shows the wrong VAT number, can you reissue it?",
    ),
    ...p(
      "normal",
      "Why did my subscription price go up without notice?",
      "The card on file expired, how do I update my payment method?",
    ),
    ...p(
      "minor",
      "Can I switch from monthly to annual billing?",
      "Where can I download last year's invoices for our accountant?",
    ),
    ...p(
      "major",
      "Your system keeps billing a card we cancelled, {amount} taken again today.",
      "We were invoiced for {n} seats but only have 5 users.",
    ),
    ...p(
      "normal",
      "The receipt doesn't include our company address.",
      "Is there a discount for nonprofits on the pro plan?",
    ),
    ...p("major", "Payment failed and now our account says past due even though the bank shows it went through."),
    ...p("normal", "Please add our purchase order number to future invoices."),
  ],
  technical: [
    ...p(
      "critical",
      "The {product} is completely down for all of our users, we get a 500 error on every page.",
      "Production outage: the {product} returns errors for everyone since this morning.",
    ),
    ...p(
      "major",
      "The {product} crashes every time I open a report with more than {n} rows.",
      "Webhooks stopped firing after yesterday's update.",
    ),
    ...p(
      "normal",
      "The {product} is very slow to load, around {n} seconds per page.",
      "Charts are not rendering in Safari, just a blank box.",
    ),
    ...p(
      "normal",
      "The sync with our CRM fails with a timeout error.",
      "Uploading a PDF gives 'unexpected error' and nothing happens.",
    ),
    ...p(
      "minor",
      "There is a typo on the settings screen of the {product}.",
      "Dark mode makes some labels hard to read.",
    ),
    ...p(
      "major",
      "Data in the {product} is missing since the migration, {n} records vanished.",
      "The API returns 502 bad gateway intermittently.",
    ),
    ...p("critical", "We are losing data: records saved in the {product} disappear after refresh."),
  ],
  account_access: [
    ...p(
      "major",
      "I can't log in, it says my password is wrong even after resetting it.",
      "Locked out of my account after too many attempts.",
    ),
    ...p(
      "normal",
      "The password reset email never arrives.",
      "My two-factor codes are rejected since I got a new phone.",
    ),
    ...p(
      "normal",
      "How do I change the email address I sign in with?",
      "I lost access to my authenticator app, please help me get back in.",
    ),
    ...p("critical", "None of our team can sign in, SSO login fails for the whole company."),
    ...p("minor", "Can you remove a former employee's access to our workspace?", "I'd like to rename my username."),
    ...p(
      "major",
      "The login page keeps redirecting me back to sign in in a loop.",
      "My account was deactivated and I don't know why.",
    ),
    ...p("normal", "The invite link for my colleague says it expired."),
  ],
  refund: [
    ...p(
      "normal",
      "I'd like a refund for the annual plan, we bought it by mistake.",
      "Please refund the {amount} charged after I cancelled.",
    ),
    ...p(
      "normal",
      "We cancelled within the trial but were still charged, I want my money back.",
      "Requesting a refund for the unused months of our subscription.",
    ),
    ...p(
      "major",
      "You charged us {amount} for a service that didn't work for a week, we expect a refund.",
      "Refund the duplicate payment immediately please.",
    ),
    ...p(
      "minor",
      "What is your refund policy for downgrades?",
      "Could I get a partial refund if we move to the smaller plan?",
    ),
    ...p(
      "normal",
      "I returned the hardware {n} days ago and still haven't received the refund.",
      "Chargeback coming unless the {amount} is refunded.",
    ),
    ...p("normal", "Please reverse the last payment and close the account."),
  ],
  feature_request: [
    ...p(
      "minor",
      "It would be great if the {product} supported exporting to Excel.",
      "Could you add a dark mode to the {product}?",
    ),
    ...p(
      "minor",
      "Please consider adding an integration with HubSpot.",
      "We'd love the ability to schedule reports weekly.",
    ),
    ...p("minor", "Feature idea: let admins set custom roles.", "Any plans for a German translation of the interface?"),
    ...p(
      "normal",
      "We need bulk editing of records, doing {n} one by one is painful.",
      "Would you add webhooks for invoice events?",
    ),
    ...p(
      "minor",
      "Suggestion: keyboard shortcuts for approving items.",
      "It would help to filter the audit log by date range.",
    ),
    ...p(
      "minor",
      "Can you add an API endpoint to list archived projects?",
      "I wish the {product} had a calendar view.",
    ),
  ],
  how_to: [
    ...p("minor", "How do I invite a new team member?", "Where do I find the API key in the settings?"),
    ...p("minor", "How can I export all my data to CSV?", "What's the best way to set up approval rules?"),
    ...p(
      "minor",
      "Is there a guide for connecting the {product} to Zapier?",
      "How do I create a custom report with {n} columns?",
    ),
    ...p(
      "normal",
      "Can you walk me through setting up single sign-on?",
      "How do I move a project to another workspace?",
    ),
    ...p(
      "minor",
      "Where can I change the time zone for notifications?",
      "How do I archive old projects without deleting them?",
    ),
    ...p("minor", "What does the 'shadow mode' toggle do exactly?", "Is there a way to duplicate a workflow?"),
  ],
  other: [
    ...p("minor", "Do you have an office in Berlin? We'd like to meet.", "Are you hiring support engineers?"),
    ...p(
      "minor",
      "I'm writing a blog post and would like to quote your CEO.",
      "Can you send me your security whitepaper and SOC 2 report?",
    ),
    ...p(
      "minor",
      "We'd like to partner with you on a webinar.",
      "Just wanted to say thanks to {name} for the great demo.",
    ),
    ...p(
      "minor",
      "Please unsubscribe me from the marketing newsletter.",
      "What are your opening hours over the holidays?",
    ),
    ...p(
      "normal",
      "Our legal team needs a signed data processing agreement.",
      "Who should we talk to about a reseller agreement?",
    ),
    ...p("minor", "Is your company carbon neutral?", "I received a parcel addressed to someone else."),
  ],
};

export const OPENERS = {
  negative: [
    "This is really frustrating.",
    "I'm extremely disappointed with your service.",
    "Honestly this is unacceptable.",
    "Third time I'm writing about this and nobody answers.",
    "Very annoyed right now.",
    "Your product has been terrible lately.",
    "",
  ],
  neutral: ["Hello,", "Hi team,", "Good morning.", "Hi there,", "Hello support,", "", "Quick question."],
  positive: [
    "Hi! Love the product so far.",
    "Thanks for the great service!",
    "Hello, you've been really helpful before.",
    "Big fan of your app, thank you.",
    "Hi team, hope you're well, great work on the last release.",
    "",
  ],
} as const;

export const CLOSERS = {
  negative: [
    "Fix this or we will cancel.",
    "I expect a reply today.",
    "Really poor experience.",
    "We are considering switching to a competitor.",
    "This is a waste of my time.",
  ],
  neutral: ["Thanks.", "Regards, {name}", "Let me know.", "Best, {name}", "Thank you."],
  positive: [
    "Thanks so much, you're awesome!",
    "Really appreciate your help, keep up the great work.",
    "Many thanks, love working with you.",
    "Cheers, happy customer {name}",
    "Thank you, the team has been wonderful.",
  ],
} as const;
