/**
 * The lead form's spam trap: a field people never see (the snippet hides it); a submission that
 * fills it gets a quiet "thanks" and is not stored. Shared by the handler and the snippet.
 */
export const HONEYPOT_FIELD = "hr_trap";
