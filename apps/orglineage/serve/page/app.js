// orglineage serve: the page. It asks the server's endpoints and lays their answers out; every
// answer, note and message is the library's. Text from answers goes in with textContent only.
"use strict";

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
        if (k === "class") node.className = v;
        else if (k.startsWith("data-")) node.setAttribute(k, v);
        else node[k] = v;
    }
    for (const c of children) if (c !== null && c !== undefined) node.append(c);
    return node;
}

/** GETs an endpoint with parameters (empty ones left out); resolves to the JSON document. */
async function ask(path, params) {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) {
        if (v === true) query.set(k, "true");
        else if (v !== "" && v !== false && v !== null && v !== undefined) query.set(k, v);
    }
    const response = await fetch(path + "?" + query.toString(), { headers: { Accept: "application/json" } });
    try {
        return await response.json();
    } catch (e) {
        return { error: { message: "the server answered " + response.status + " without JSON" } };
    }
}

function notesList(notes) {
    if (!notes || notes.length === 0) return null;
    return el("ul", { class: "notes" },
        ...notes.map((n) => el("li", { "data-kind": n.kind }, el("span", { class: "kind" }, n.kind), n.text)));
}

function showRemarks(container, doc) {
    for (const r of doc.remarks || []) container.append(el("p", { class: "remark" }, r.text));
}

function showError(container, doc) {
    container.append(el("p", { class: "error" }, doc.error.message));
    if (doc.error.suggestions && doc.error.suggestions.length)
        container.append(el("p", { class: "suggestions" }, "Did you mean: " + doc.error.suggestions.join("; ")));
}

function share(v) {
    if (v === null || v === undefined) return "unknown";
    return (Math.round(v * 10000) / 100) + "%";
}

function bodyLink(id, name) {
    const a = el("a", { href: "#body=" + encodeURIComponent(id), "data-id": id }, name || id);
    a.addEventListener("click", (e) => { e.preventDefault(); openBody(id); });
    return a;
}

/**
 * Lays an answer out as a table: `columns` are [label, row => cell], and each row's notes are
 * shown in the last column, beside the row they qualify.
 */
function showTable(container, doc, columns) {
    container.replaceChildren();
    if (doc.error) return showError(container, doc);
    showRemarks(container, doc);
    const rows = doc.results || [];
    if (rows.length === 0) {
        if (!doc.remarks || doc.remarks.length === 0) container.append(el("p", { class: "empty" }, "none"));
        return;
    }
    const head = el("tr", {}, ...columns.map(([label]) => el("th", {}, label)), el("th", {}, "notes"));
    const body = rows.map((r) => el("tr", { "data-id": r.id || "" },
        ...columns.map(([label, cell]) => {
            const v = cell(r);
            return el("td", { class: label === "share" ? "num" : "" }, v === null || v === undefined ? "–" : v);
        }),
        el("td", {}, notesList(r.notes))));
    container.append(el("table", {}, el("thead", {}, head), el("tbody", {}, ...body)));
}

const bodyColumns = [
    ["name", (r) => bodyLink(r.id, r.name)],
    ["kind", (r) => r.kind],
    ["ODS", (r) => r.ods],
    ["from", (r) => r.from],
    ["to", (r) => r.to],
];

// --- search ---------------------------------------------------------------------------------

async function search(event) {
    event.preventDefault();
    const list = $("search-results"), remarks = $("search-remarks");
    list.replaceChildren();
    remarks.replaceChildren();
    const doc = await ask("/search", { text: $("search-text").value, on: $("search-on").value });
    if (doc.error) return showError(remarks, doc);
    showRemarks(remarks, doc);
    if (!doc.results || doc.results.length === 0) remarks.append(el("p", { class: "empty" }, "nothing found"));
    for (const r of doc.results || []) {
        const period = (r.from || "…") + " – " + (r.to || "");
        const what = r.type === "area" ? "area, " + r.kind : r.kind;
        let link;
        if (r.type === "area") {
            link = el("a", { href: "#area=" + encodeURIComponent(r.id), "data-id": r.id }, r.name);
            link.addEventListener("click", (e) => { e.preventDefault(); askWhoFor(r.id); });
        } else {
            link = bodyLink(r.id, r.name);
        }
        list.append(el("li", { "data-type": r.type },
            link, " ", el("span", { class: "meta" }, [r.id, what, period].join(" · ")),
            r.matched ? el("span", { class: "meta" }, " (matched " + r.matched + ")") : null,
            notesList(r.notes)));
    }
}

// --- who ------------------------------------------------------------------------------------

function askWhoFor(area) {
    $("who-area").value = area;
    $("who-postcode").value = "";
    if (!$("who-on").value) $("who-on").value = $("search-on").value;
    $("who-panel").scrollIntoView();
    if ($("who-on").value) who(new Event("submit"));
}

async function who(event) {
    event.preventDefault();
    const doc = await ask("/who", {
        area: $("who-area").value, postcode: $("who-postcode").value, on: $("who-on").value,
        function: $("who-function").value, legal: $("who-legal").checked,
    });
    showTable($("who-answer"), doc, [
        ["name", (r) => bodyLink(r.id, r.name)],
        ["kind", (r) => r.kind],
        ["ODS", (r) => r.ods],
        ["share", (r) => share(r.share)],
        ["basis", (r) => r.basis],
        // A comma-separated list of codes has no space to wrap at: a zero-width space after each comma.
        ["via", (r) => (r.via_area || r.lsoa || "").replaceAll(",", ",\u200b") || null],
        ["derivation", (r) => r.derivation],
    ]);
}

// --- a body's card --------------------------------------------------------------------------

let current = null; // the body on the card: its row from /lineage

function dayAfter(iso) {
    const d = new Date(iso + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() + 1);
    return d.toISOString().slice(0, 10);
}

async function openBody(id) {
    const card = $("card");
    card.hidden = false;
    $("card-title").textContent = id;
    $("card-facts").textContent = "";
    $("card-notes").replaceChildren();
    for (const part of ["successors", "predecessors", "groups", "events"]) $(part).replaceChildren();
    history.replaceState(null, "", "#body=" + encodeURIComponent(id));

    const doc = await ask("/lineage", { body: id });
    if (doc.error) return showError($("card-notes"), doc);
    const me = (doc.results || []).find((r) => r.id === id) || (doc.results || [])[0];
    current = me;
    $("card-title").textContent = me.name;
    const codes = [me.ods && "ODS " + me.ods, me.ons && "ONS " + me.ons].filter(Boolean).join(", ");
    $("card-facts").textContent = [me.id, me.kind, codes, (me.from || "…") + " – " + (me.to || "")].filter(Boolean).join(" · ");
    const notes = notesList(me.notes);
    if (notes) $("card-notes").append(notes);
    showRemarks($("card-notes"), doc);
    if (!$("succ-on").value) $("succ-on").value = me.to ? dayAfter(me.to) : new Date().toISOString().slice(0, 10);
    showEvents(doc, me.id);
    showPicture(me.id);
    await succession(new Event("submit"));
}

async function succession(event) {
    event.preventDefault();
    if (!current) return;
    const params = { body: current.id, on: $("succ-on").value, function: $("succ-function").value };
    const [next, before, groups] = await Promise.all([
        ask("/successors", params), ask("/predecessors", params), ask("/groups", { body: current.id, on: $("succ-on").value }),
    ]);
    const withShare = bodyColumns.concat([["share", (r) => share(r.share)], ["basis", (r) => r.basis]]);
    showTable($("successors"), next, withShare);
    showTable($("predecessors"), before, withShare);
    showTable($("groups"), groups, bodyColumns.concat([["member from", (r) => r.member_from], ["member to", (r) => r.member_to]]));
}

function showEvents(doc, id) {
    const names = new Map((doc.results || []).map((b) => [b.id, b.name]));
    const links = (doc.links || []).filter((l) => l.from === id || l.to === id);
    showTable($("events"), { results: links }, [
        ["date", (l) => l.date],
        ["event", (l) => l.event],
        ["from", (l) => bodyLink(l.from, names.get(l.from))],
        ["to", (l) => bodyLink(l.to, names.get(l.to))],
        ["share", (l) => share(l.share)],
        ["basis", (l) => l.basis],
        ["sources", (l) => (l.sources || []).join(", ")],
    ]);
}

function showPicture(id) {
    const box = $("lineage-picture");
    const img = el("img", { alt: "the lineage of " + id + " (Graphviz)", id: "lineage-img" });
    img.addEventListener("error", () => box.replaceChildren(el("p", { class: "error" }, "the picture could not be drawn")));
    img.src = "/lineage?" + new URLSearchParams({ body: id, format: "svg" }).toString();
    box.replaceChildren(img);
}

// --- start ----------------------------------------------------------------------------------

async function start() {
    $("search-form").addEventListener("submit", search);
    $("who-form").addEventListener("submit", who);
    $("succession-form").addEventListener("submit", succession);
    const v = await ask("/version");
    if (v.data)
        $("version").textContent = "library " + v.library + " · data " + v.data.name + " " + v.data.version +
            (v.data.horizon ? " · known up to " + v.data.horizon : "");
    const hash = new URLSearchParams(location.hash.slice(1));
    if (hash.get("body")) openBody(hash.get("body"));
    document.body.dataset.ready = "true";
}

start();
