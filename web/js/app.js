// app.js - the analyst interface: filter state (kept in the URL hash so a
// view can be bookmarked or reloaded), routing between the overview, the
// event view, the article view and article search, and the language toggle.
import {api, el, clear, textSpan} from './util.js';
import {t, getLang, setLang, applyStatic, catLabel, quadLabel} from './i18n.js';
import {renderTimeline} from './timeline.js';
import {renderNetwork} from './network.js';
import {renderTable, renderEvent, renderDoc} from './views.js';

const PAGE = 50;
const FIELDS = ['actor', 'dyad_a', 'dyad_b', 'category', 'quad', 'cameo', 'from', 'to',
  'country', 'place', 'outlet', 'text', 'by'];
const FLAGS = ['directed', 'future', 'negated', 'hypothetical'];

const $ = (id) => document.getElementById(id);
let filters = {};
let offset = 0;
let meta = null;
let lastOverview = '#/';

// ------------------------------------------------------------------ state

function parseHash() {
  const h = location.hash.replace(/^#/, '') || '/';
  const q = h.indexOf('?');
  const path = q < 0 ? h : h.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : h.slice(q + 1));
  return {path, params};
}

function filtersFromParams(p) {
  const f = {};
  for (const k of FIELDS) if (p.get(k)) f[k] = p.get(k);
  for (const k of FLAGS) if (p.get(k) === '1') f[k] = true;
  return f;
}

function hashFor(f, off) {
  const p = new URLSearchParams();
  for (const k of FIELDS) if (f[k]) p.set(k, f[k]);
  for (const k of FLAGS) if (f[k]) p.set(k, '1');
  if (off) p.set('offset', String(off));
  const s = p.toString();
  return s ? `#/?${s}` : '#/';
}

// Filter state -> API parameters (the server validates them again).
function apiParams(f) {
  const p = {};
  for (const k of ['actor', 'category', 'quad', 'cameo', 'from', 'to', 'country', 'place', 'outlet', 'text'])
    if (f[k]) p[k] = f[k].trim();
  if (f.dyad_a && f.dyad_b) {
    p.dyad = `${f.dyad_a.trim()},${f.dyad_b.trim()}`;
    if (f.directed) p.directed = 1;
  }
  for (const k of ['future', 'negated', 'hypothetical']) if (f[k]) p[k] = 1;
  return p;
}

function formToFilters() {
  const form = $('filters');
  const f = {};
  for (const k of FIELDS) {
    const v = form.elements[k] && form.elements[k].value.trim();
    if (v) f[k] = v;
  }
  for (const k of FLAGS) if (form.elements[k].checked) f[k] = true;
  if (f.by === 'month') delete f.by; // the default
  return f;
}

function filtersToForm(f) {
  const form = $('filters');
  for (const k of FIELDS) if (form.elements[k]) form.elements[k].value = f[k] || (k === 'by' ? 'month' : '');
  for (const k of FLAGS) form.elements[k].checked = !!f[k];
}

// ------------------------------------------------------------------ errors

function showError(e) {
  const box = $('error');
  if (!e) { box.hidden = true; clear(box); return; }
  box.hidden = false;
  clear(box).append(`${t('error')}: `, textSpan(e.message || String(e)));
}

// ------------------------------------------------------------------ views

function showView(name) {
  for (const v of document.querySelectorAll('.view')) v.hidden = v.id !== `view-${name}`;
  for (const a of document.querySelectorAll('a.back')) a.setAttribute('href', lastOverview);
}

async function loadEvents(params) {
  const body = $('ev-body');
  const res = await api('/api/events', {...params, limit: PAGE, offset, mentions: 1});
  const events = res.events || [];
  renderTable(body, events, (id) => { location.hash = `#/event/${id}`; });
  if (!events.length)
    body.append(el('tr', {class: 'empty'}, el('td', {colspan: 8}, t('no_events'))));
  $('ev-count').textContent = events.length
    ? `(${t('showing', {a: offset + 1, b: offset + events.length})}${res.more ? ` ${t('more')}` : ''})`
    : '';
  $('pg-prev').disabled = offset === 0;
  $('pg-next').disabled = !res.more;
  if (res.note) $('ev-count').title = res.note;
}

async function showOverview(params, seq) {
  showView('overview');
  filters = filtersFromParams(params);
  offset = Math.max(0, parseInt(params.get('offset') || '0', 10) || 0);
  filtersToForm(filters);
  lastOverview = location.hash || '#/';
  const p = apiParams(filters);
  const jobs = [
    loadEvents(p),
    renderTimeline($('timeline'), p, filters.by || 'month'),
    renderNetwork($('network'), p, pickFromNetwork),
  ];
  const results = await Promise.allSettled(jobs);
  // What was drawn, for the browser tests and for a quick look in devtools.
  const [, tl, net] = results.map((r) => (r.status === 'fulfilled' ? r.value : null));
  document.body.dataset.timelinePeriods = tl ? tl.periods : '';
  document.body.dataset.networkNodes = net ? net.nodes : '';
  document.body.dataset.networkEdges = net ? net.edges : '';
  const failed = results.find((r) => r.status === 'rejected');
  showError(failed ? failed.reason : null);
  markReady('overview', seq);
}

function pickFromNetwork(pick) {
  const f = {...filters};
  delete f.actor; delete f.dyad_a; delete f.dyad_b;
  if (pick.actor) f.actor = pick.actor;
  else { f.dyad_a = pick.dyad[0]; f.dyad_b = pick.dyad[1]; }
  location.hash = hashFor(f, 0);
}

async function showEvent(id, seq) {
  showView('event');
  const root = $('event-detail');
  clear(root).append(t('loading'));
  try {
    const ev = await api(`/api/events/${encodeURIComponent(id)}`);
    renderEvent(root, ev.event || ev);
    showError(null);
  } catch (e) {
    clear(root);
    showError(e);
  }
  markReady('event', seq);
}

async function showDoc(id, params, seq) {
  showView('doc');
  const root = $('doc-detail');
  clear(root).append(t('loading'));
  try {
    const doc = await api(`/api/docs/${encodeURIComponent(id)}`);
    renderDoc(root, doc.document || doc, params.get('s'));
    showError(null);
  } catch (e) {
    clear(root);
    showError(e);
  }
  markReady('doc', seq);
}

// The store marks matched words in a snippet as [word].
function snippetMarks(s) {
  const frag = document.createDocumentFragment();
  s.split(/\[([^\]\n]*)\]/).forEach((part, i) => frag.append(i % 2 ? el('mark', {class: 'trigger'}, part) : part));
  return frag;
}

async function showSearch(params, seq) {
  showView('search');
  const q = params.get('q') || '';
  $('s-q').value = q;
  const list = clear($('search-results'));
  try {
    const res = await api('/api/search', {q, limit: 50});
    const rows = res.rows || [];
    if (!rows.length) list.append(el('li', {}, t('no_results')));
    for (const r of rows) {
      list.append(el('li', {},
        el('a', {href: `#/doc/${encodeURIComponent(r.doc_id)}`}, textSpan(r.title || r.doc_id)),
        el('div', {class: 'meta'}, r.outlet ? textSpan(r.outlet) : null,
          el('bdi', {dir: 'ltr'}, r.date || ''), r.mentions !== undefined ? `${t('mentions')}: ${r.mentions}` : null),
        r.snippet ? el('div', {class: 'snippet', dir: 'rtl', lang: 'ar'}, snippetMarks(r.snippet)) : null));
    }
    showError(null);
  } catch (e) {
    showError(e);
  }
  markReady('search', seq);
}

// Each route() call is one render. body[data-render] names it (unique
// across page loads) and body[data-ready] says which view it finished, so
// the browser tests can wait for the render their own action started rather
// than see the previous one. A render overtaken by a newer route() (a second
// click while the first is still loading) never marks itself ready.
let renderSeq = 0;

function markReady(view, seq) {
  if (seq === renderSeq) document.body.dataset.ready = view;
}

async function route() {
  const seq = ++renderSeq;
  document.body.dataset.ready = '';
  document.body.dataset.render = `${Math.round(performance.timeOrigin)}-${seq}`;
  const {path, params} = parseHash();
  let m;
  if ((m = path.match(/^\/event\/(\d+)$/))) return showEvent(m[1], seq);
  if ((m = path.match(/^\/doc\/(.+)$/))) return showDoc(decodeURIComponent(m[1]), params, seq);
  if (path === '/search') return showSearch(params, seq);
  return showOverview(params, seq);
}

// ------------------------------------------------------------------ setup

function fillCategories() {
  const sel = $('f-category');
  const keep = sel.value;
  while (sel.options.length > 1) sel.remove(1);
  for (const c of (meta && meta.categories) || [])
    sel.append(el('option', {value: c.name}, catLabel(c.name)));
  sel.value = keep;
  for (const o of $('f-quad').options) if (o.value) o.textContent = quadLabel(Number(o.value));
}

async function loadStats() {
  try {
    const s = await api('/api/stats');
    $('stats').textContent = t('stats', {docs: s.documents ?? '?', events: s.events ?? '?'});
  } catch (e) { /* the stats line is optional */ }
}

let suggestTimer = null;
function suggestActors(ev) {
  const v = ev.target.value.trim();
  clearTimeout(suggestTimer);
  if (v.length < 2) return;
  suggestTimer = setTimeout(async () => {
    try {
      const res = await api('/api/actors', {q: v, n: 12});
      const list = clear($('actor-list'));
      for (const r of res.rows || []) {
        const value = r.code || r.name;
        if (value) list.append(el('option', {value}, [r.name, r.country].filter(Boolean).join(' · ')));
      }
    } catch (e) { /* suggestions are best effort */ }
  }, 250);
}

function applyLanguage() {
  applyStatic(document);
  fillCategories();
  loadStats();
}

async function init() {
  applyLanguage();
  $('lang-toggle').addEventListener('click', () => {
    setLang(getLang() === 'ar' ? 'en' : 'ar');
    applyLanguage();
    route();
  });
  $('filters').addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = hashFor(formToFilters(), 0);
  });
  $('f-reset').addEventListener('click', () => { location.hash = '#/'; });
  $('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const q = $('s-q').value.trim();
    if (q) location.hash = `#/search?${new URLSearchParams({q})}`;
  });
  $('pg-prev').addEventListener('click', () => { location.hash = hashFor(filters, Math.max(0, offset - PAGE)); });
  $('pg-next').addEventListener('click', () => { location.hash = hashFor(filters, offset + PAGE); });
  for (const id of ['f-actor', 'f-dyad-a', 'f-dyad-b']) $(id).addEventListener('input', suggestActors);
  window.addEventListener('hashchange', route);
  try { meta = await api('/api/meta'); } catch (e) { showError(e); }
  fillCategories();
  await route();
}

// Chart.js and cytoscape are classic deferred scripts; modules run after
// them, but wait for the load event to be safe.
if (document.readyState === 'complete') init();
else window.addEventListener('load', init);
