// Small progressive enhancements; every form works without them.
document.addEventListener("DOMContentLoaded", () => {
  // Show the promise or dispute fields only for the call outcome that needs them.
  const outcome = document.getElementById("call-outcome");
  const sync = () => document.querySelectorAll("[data-when-outcome]").forEach((fieldset) => {
    const shown = outcome && fieldset.dataset.whenOutcome === outcome.value;
    fieldset.hidden = !shown;
    fieldset.querySelectorAll("input, select").forEach((input) => { input.disabled = !shown; });
  });
  if (outcome) { outcome.addEventListener("change", sync); sync(); }

  // Selects that save on change (assigning a collector, changing a role).
  document.querySelectorAll("select[data-autosubmit]").forEach((select) => {
    select.addEventListener("change", () => select.form.submit());
  });

  // The letters' print document: its button opens the browser's print dialog.
  document.querySelectorAll("[data-print]").forEach((button) => {
    button.addEventListener("click", () => window.print());
  });

  // Ask before what cannot be undone lightly (escalation, write-off).
  document.querySelectorAll("[data-confirm]").forEach((button) => {
    button.addEventListener("click", (event) => {
      if (!window.confirm(button.dataset.confirm)) event.preventDefault();
    });
  });

  // An import running in the background: poll its progress every second until it ends.
  const progress = document.querySelector("[data-import-progress]");
  if (progress) {
    const bar = progress.querySelector("progress"), status = progress.querySelector(".status");
    const poll = async () => {
      const reply = await fetch(progress.dataset.importProgress, { credentials: "same-origin" });
      if (!reply.ok) return;
      const job = await reply.json();
      bar.max = Math.max(job.total, 1); bar.value = job.done;
      status.textContent = job.message || `${progress.dataset["text" + job.state[0].toUpperCase() + job.state.slice(1)] || job.state} ${job.done}${job.total ? " / " + job.total : ""}`;
      if (job.state !== "done" && job.state !== "failed") setTimeout(poll, 1000);
    };
    poll();
  }
});

// Live previews (policy timeline, message text): on a change, the form goes to its preview address
// and the preview section of the page that comes back replaces this one. The button does the same.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("form[data-live-preview]").forEach((form) => {
    const button = form.querySelector("[data-preview-url]");
    const target = document.getElementById(form.dataset.livePreview);
    if (!button || !target) return;
    let timer = null, asked = 0;
    const refresh = async () => {
      const ticket = ++asked;
      const reply = await fetch(button.dataset.previewUrl, {
        method: "POST", credentials: "same-origin", body: new URLSearchParams(new FormData(form)),
      });
      const page = new DOMParser().parseFromString(await reply.text(), "text/html");
      const fresh = page.getElementById(target.id);
      if (fresh && ticket === asked) target.replaceChildren(...fresh.childNodes);
    };
    const soon = () => { clearTimeout(timer); timer = setTimeout(refresh, 400); };
    form.addEventListener("change", soon);
    form.addEventListener("input", soon);
  });
});
