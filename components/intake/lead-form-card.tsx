import { Card } from "@/components/ui/card";
import { HONEYPOT_FIELD } from "@/server/intake/lead-form-fields";
import { CodeBlock } from "./code-block";

/** Copy-paste HTML for a website: works without script (plain post), better with it (inline answer). */
export function leadFormSnippet(action: string): string {
  return `<form action="${action}" method="post" data-handrail-form>
  <label>Work email <input type="email" name="email" required></label>
  <label>First name <input name="first_name"></label>
  <label>Last name <input name="last_name"></label>
  <label>Company <input name="company"></label>
  <label>Message <textarea name="message"></textarea></label>
  <!-- Leave hidden and empty: bots that fill it are ignored. -->
  <div style="position:absolute;left:-10000px" aria-hidden="true">
    <input name="${HONEYPOT_FIELD}" tabindex="-1" autocomplete="off">
  </div>
  <button type="submit">Send</button>
  <p data-handrail-status role="status"></p>
</form>
<script>
document.querySelectorAll("form[data-handrail-form]").forEach(function (form) {
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var status = form.querySelector("[data-handrail-status]");
    fetch(form.action, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(Object.fromEntries(new FormData(form)))
    }).then(function (res) {
      return res.json().then(function (body) {
        status.textContent = res.ok ? "Thank you, we received your details." : body.message || "Please check the form.";
        if (res.ok) form.reset();
      });
    }).catch(function () { status.textContent = "Could not send. Please try again."; });
  });
});
</script>`;
}

export function LeadFormCard({ appUrl, formKey }: { appUrl: string; formKey: string | null }) {
  return (
    <Card
      title="Lead form"
      description="Paste this into any web page. Submissions become leads for this workflow (rate-limited per visitor, spam trap included)."
      data-testid="lead-form-card"
    >
      {formKey ? (
        <CodeBlock
          label="HTML snippet"
          code={leadFormSnippet(`${appUrl}/api/intake/form/${formKey}`)}
          testId="lead-form-snippet"
          copyLabel="Copy snippet"
        />
      ) : (
        <p className="text-sm text-slate-600" data-testid="lead-form-missing">
          The form address is created with the signing secret above.
        </p>
      )}
    </Card>
  );
}
