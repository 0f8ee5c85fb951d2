"""The page's stylesheet and script, inlined into it (and hashed into its Content-Security-Policy).

Colours meet WCAG AA contrast on white (the lightest text, --muted, is 9:1); severity is shown by
a label and the underline's style as well as by colour; focus is always visible.
"""

from __future__ import annotations

STYLE = """
:root { color-scheme: light; --ink: #1a1a1a; --muted: #474747; --line: #b8b8b8; --accent: #1d4ed8;
  --focus: #0b2e7a; --warn-bg: #fde68a; --warn-line: #92400e; --err-bg: #fecaca; --err-line: #991b1b;
  --info-bg: #dbeafe; --info-line: #1e40af; }
* { box-sizing: border-box; }
body { margin: 0; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  color: var(--ink); background: #fff; }
header { background: #0f2a4a; color: #fff; padding: 0.9rem 1.5rem; }
header h1 { margin: 0; font-size: 1.35rem; }
header p { margin: 0.2rem 0 0; color: #e3ecf7; }
main { display: grid; gap: 1.5rem; padding: 1.5rem; max-width: 84rem; margin: 0 auto; }
@media (min-width: 62rem) { main.two { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); align-items: start; } }
h2 { font-size: 1.15rem; margin: 0 0 0.5rem; }
label { display: block; font-weight: 600; margin-bottom: 0.3rem; }
.hint { color: var(--muted); margin: 0 0 0.5rem; font-size: 0.95rem; }
textarea { width: 100%; min-height: 20rem; font: inherit; padding: 0.75rem; color: var(--ink);
  border: 2px solid #6b6b6b; border-radius: 4px; resize: vertical; }
.actions { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; margin-top: 0.75rem; }
button { font: inherit; font-weight: 600; padding: 0.5rem 1.1rem; border-radius: 4px; cursor: pointer;
  border: 2px solid var(--accent); background: var(--accent); color: #fff; }
button.secondary { background: #fff; color: var(--accent); }
button.small { padding: 0.15rem 0.6rem; font-size: 0.9rem; white-space: nowrap; flex-shrink: 0; }
button:disabled { opacity: 0.65; cursor: progress; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.status { font-weight: 600; min-height: 1.5em; margin: 0 0 0.75rem; }
.status.error { color: var(--err-line); }
.marked { white-space: pre-wrap; overflow-wrap: anywhere; border: 1px solid var(--line); border-radius: 4px;
  padding: 0.75rem; background: #fafafa; margin: 0 0 1.25rem; }
a.mark { color: var(--ink); text-decoration: none; background: var(--warn-bg);
  border-bottom: 3px solid var(--warn-line); padding: 0 0.1em; }
a.mark.sev-error { background: var(--err-bg); border-bottom-color: var(--err-line); }
a.mark.sev-info { background: var(--info-bg); border-bottom: 3px dotted var(--info-line); }
a.mark sup { font-size: 0.7em; font-weight: 700; margin-left: 0.15em; }
ol.findings { list-style: none; padding: 0; margin: 0; display: grid; gap: 1rem; }
.finding { border: 1px solid var(--line); border-left: 6px solid var(--warn-line); border-radius: 4px;
  padding: 0.75rem 1rem; }
.finding.sev-error { border-left-color: var(--err-line); }
.finding.sev-info { border-left-color: var(--info-line); }
.finding h3 { margin: 0 0 0.2rem; font-size: 1.05rem; }
.finding h4 { margin: 0.6rem 0 0.2rem; font-size: 0.95rem; }
.meta { color: var(--muted); margin: 0 0 0.4rem; font-size: 0.95rem; }
.badge { display: inline-block; font-size: 0.8rem; font-weight: 700; text-transform: uppercase;
  letter-spacing: 0.03em; padding: 0 0.4rem; border-radius: 3px; border: 1px solid currentColor; }
.badge.sev-error { color: var(--err-line); } .badge.sev-warning { color: var(--warn-line); }
.badge.sev-info { color: var(--info-line); }
.message { margin: 0.2rem 0; }
ul.suggestions { margin: 0; padding: 0; list-style: none; }
ul.suggestions li { display: flex; gap: 0.75rem; align-items: baseline; justify-content: space-between;
  padding: 0.3rem 0; border-top: 1px dashed #d0d0d0; }
details { margin-top: 0.5rem; }
summary { cursor: pointer; font-weight: 600; color: var(--accent); }
footer { color: var(--muted); font-size: 0.9rem; padding: 0 1.5rem 1.5rem; max-width: 84rem; margin: 0 auto; }
code { font-family: ui-monospace, Consolas, monospace; font-size: 0.95em; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap; }
"""

SCRIPT = r"""
(() => {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const data = JSON.parse($("page-data").textContent);
  const note = $("note"), form = $("check-form"), button = $("check-button"), status = $("status");
  const marked = $("marked"), list = $("findings"), results = $("results");
  let checked = null;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === "class") node.className = value; else node.setAttribute(key, value);
    }
    node.append(...children);  // strings become text nodes: the note is never parsed as HTML
    return node;
  }
  const severity = (m) => (m.langcheck && m.langcheck.severity) || "warning";
  const plural = (n, word) => n + " " + word + (n === 1 ? "" : "s");

  function say(message, isError) {
    status.textContent = message;
    status.classList.toggle("error", Boolean(isError));
  }

  async function check() {
    const text = note.value;
    if (!text.trim()) { say("Paste or type a note first.", true); note.focus(); return; }
    button.disabled = true;
    results.setAttribute("aria-busy", "true");
    say("Checking\u2026");
    try {
      const response = await fetch("v2/check", {
        method: "POST", headers: {"Accept": "application/json"},
        body: new URLSearchParams({text: text, language: "en-GB"}),
      });
      const answer = await response.json().catch(() => null);
      if (!response.ok || !answer || !Array.isArray(answer.matches)) {
        const why = answer && answer.message ? answer.message : "the server answered " + response.status;
        say("The note could not be checked: " + why + ".", true);
        return;
      }
      checked = {text: text, matches: answer.matches};
      render();
    } catch (error) {
      say("The langcheck server could not be reached. Is it still running?", true);
    } finally {
      button.disabled = false;
      results.removeAttribute("aria-busy");
    }
  }

  function summary(matches) {
    if (!matches.length) return "No findings: nothing in this note was flagged.";
    const counts = {error: 0, warning: 0, info: 0};
    matches.forEach((m) => { counts[severity(m)] = (counts[severity(m)] || 0) + 1; });
    const parts = [];
    if (counts.error) parts.push(plural(counts.error, "error"));
    if (counts.warning) parts.push(plural(counts.warning, "warning"));
    if (counts.info) parts.push(counts.info + " for information");
    return plural(matches.length, "finding") + " (" + parts.join(", ") + "), highlighted in the note below.";
  }

  function render() {
    const text = checked.text, matches = checked.matches;
    marked.replaceChildren();
    list.replaceChildren();
    let pos = 0;
    matches.forEach((m, i) => {
      const n = i + 1, sev = severity(m);
      if (m.offset >= pos) {  // an overlapping match is listed but not highlighted twice
        marked.append(text.slice(pos, m.offset));
        const link = el("a", {href: "#finding-" + n, id: "mark-" + n, class: "mark sev-" + sev},
          text.slice(m.offset, m.offset + m.length),
          el("sup", {"aria-hidden": "true"}, String(n)),
          el("span", {class: "visually-hidden"}, " (finding " + n + ")"));
        link.addEventListener("click", (event) => { event.preventDefault(); focusOn("finding-" + n); });
        marked.append(link);
        pos = m.offset + m.length;
      }
      list.append(card(m, n, sev, text.slice(m.offset, m.offset + m.length)));
    });
    marked.append(text.slice(pos));
    marked.hidden = false;
    say(summary(matches));
  }

  function focusOn(id) {
    const target = $(id);
    if (target) { target.focus(); target.scrollIntoView({block: "nearest"}); }
  }

  function withoutRuleId(m) {  // the message ends "(AG001)" for clients that show no rule id; we do
    const tail = " (" + m.rule.id + ")";
    return m.message.endsWith(tail) ? m.message.slice(0, -tail.length) : m.message;
  }

  function card(m, n, sev, words) {
    const rule = data.rules[m.rule.id] || {};
    const own = m.langcheck || {};
    const item = el("li", {id: "finding-" + n, class: "finding sev-" + sev, tabindex: "-1"},
      el("h3", {}, n + ". \u201c" + words + "\u201d"),
      el("p", {class: "meta"}, el("span", {class: "badge sev-" + sev}, sev), " " + m.rule.id + " \u00b7 " +
        (m.rule.category ? m.rule.category.name : "")),
      el("p", {class: "message"}, own.message || withoutRuleId(m)));
    if (m.replacements.length) {  // words that can stand in the note as they are
      const options = el("ul", {class: "suggestions replacements"});
      m.replacements.forEach((r) => {
        const use = el("button", {type: "button", class: "secondary small"}, "Use this");
        use.setAttribute("aria-label", "Use \u201c" + r.value + "\u201d instead of \u201c" + words + "\u201d");
        use.addEventListener("click", () => apply(m, r.value));
        options.append(el("li", {}, el("span", {}, r.value), use));
      });
      item.append(el("h4", {}, "Replace with"), options);
    }
    if (own.hints && own.hints.length) {  // advice with [placeholders]: shown, never put in the note
      const hints = el("ul", {class: "hints"});
      own.hints.forEach((h) => hints.append(el("li", {}, h)));
      item.append(el("h4", {}, "Write instead (fill in the brackets)"), hints);
    }
    if (rule.explanation) {
      item.append(el("details", {}, el("summary", {}, "Why this matters"), el("p", {}, rule.explanation),
        el("p", {}, el("a", {href: "rules/" + encodeURIComponent(m.rule.id)}, "More about " + m.rule.id))));
    }
    const back = el("a", {href: "#mark-" + n}, "Show in the note");
    back.addEventListener("click", (event) => { event.preventDefault(); focusOn("mark-" + n); });
    item.append(el("p", {}, back));
    return item;
  }

  function apply(m, value) {
    if (!checked || note.value !== checked.text) {
      say("The note has changed since it was checked. Check it again, then choose a replacement.", true);
      return;
    }
    const start = m.offset, end = m.offset + m.length;
    note.value = note.value.slice(0, start) + value + note.value.slice(end);
    note.focus();
    const open = value.indexOf("["), close = value.indexOf("]", open);
    if (open >= 0 && close > open) note.setSelectionRange(start + open, start + close + 1);
    else note.setSelectionRange(start + value.length, start + value.length);
    check();
  }

  form.addEventListener("submit", (event) => { event.preventDefault(); check(); });
  note.addEventListener("keydown", (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key === "Enter") { event.preventDefault(); check(); }
  });
  $("example-button").addEventListener("click", () => { note.value = data.example; check(); });
  $("api-url").textContent = new URL("v2", location.href).href;
  if (location.hash === "#example") { note.value = data.example; check(); }
})();
"""
