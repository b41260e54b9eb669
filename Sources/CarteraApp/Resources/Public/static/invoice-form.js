// The invoice form: more line rows on demand, and the due date the chosen terms give.
document.addEventListener("DOMContentLoaded", () => {
  const rows = document.getElementById("line-rows");
  const add = document.getElementById("add-line");
  if (rows && add) {
    add.hidden = false;
    add.addEventListener("click", () => {
      const row = rows.querySelector("tr.line-row").cloneNode(true);
      row.querySelectorAll("input").forEach((input) => { input.value = ""; input.removeAttribute("aria-invalid"); });
      row.querySelectorAll(".field-error").forEach((error) => error.remove());
      rows.appendChild(row);
      row.querySelector("input").focus();
    });
  }
  const terms = document.getElementById("invoice-terms");
  const issued = document.getElementById("invoice-issue-date");
  const due = document.getElementById("invoice-due");
  const typedDue = document.getElementById("invoice-due-date");
  if (!terms || !issued || !due) return;
  const template = due.textContent;
  const show = () => {
    if (typedDue && typedDue.value) return;
    const option = terms.selectedOptions[0];
    if (!option || !issued.value) return;
    const [year, month, day] = issued.value.split("-").map(Number);
    const date = option.dataset.eom === "true" ? new Date(Date.UTC(year, month, 0)) : new Date(Date.UTC(year, month - 1, day));
    date.setUTCDate(date.getUTCDate() + Number(option.dataset.net || 0));
    const words = date.toLocaleDateString(due.dataset.lang === "en" ? "en-US" : "es-CO",
      { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
    due.textContent = (due.dataset.template || "").replace("{date}", words) || template;
  };
  terms.addEventListener("change", show);
  issued.addEventListener("change", show);
});
