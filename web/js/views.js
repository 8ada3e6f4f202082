// views.js - the event table, the event view (every mention with its
// evidence highlighted) and the article view.
import {el, clear, textSpan, highlight, fmtNum, utf8Bytes, byteSlice, isArabic} from './util.js';
import {t, catLabel, modalityLabel} from './i18n.js';

const quadOf = (ev) => ev.quad ?? ev.quad_code;

export function actorCell(side) {
  if (!side) return el('span', {class: 'muted'}, t('none'));
  const main = side.name || side.text || side.code || side.country || '';
  const frag = el('span', {});
  frag.append(textSpan(main, 'actor-name'));
  const code = side.code || side.country;
  if (code && code !== main) frag.append(' ', el('bdi', {class: 'actor-code code'}, code));
  return frag;
}

export function categoryChip(ev) {
  const q = quadOf(ev);
  return el('span', {class: `chip q${q}`, title: ev.cameo ? `CAMEO ${ev.cameo}` : undefined},
    catLabel(ev.category) + (ev.mode ? ` · ${ev.mode}` : ''));
}

function placeText(ev) {
  const p = ev.location || ev.place;
  if (!p) return '';
  if (typeof p === 'string') return p;
  return p.name || p.text || p.country || '';
}

// The list shows one mention per event; more outlets are counted.
function outletsText(ev) {
  const first = (ev.mentions || []).find((m) => m.outlet);
  const n = ev.num_sources || 0;
  if (!first) return '';
  return n > 1 ? `${first.outlet} +${n - 1}` : first.outlet;
}

export function renderTable(tbody, events, onOpen) {
  clear(tbody);
  for (const ev of events) {
    const tr = el('tr', {'data-event': ev.id, tabindex: 0,
      onclick: () => onOpen(ev.id),
      onkeydown: (e) => { if (e.key === 'Enter') onOpen(ev.id); }},
    el('td', {class: 'num date'}, el('bdi', {dir: 'ltr'}, ev.date || t('none'))),
    el('td', {}, actorCell(ev.source)),
    el('td', {}, categoryChip(ev), ev.negated ? el('span', {class: 'flag'}, t('negated_flag')) : null,
      ev.modality && ev.modality !== 'asserted' ? el('span', {class: 'flag'}, modalityLabel(ev.modality)) : null),
    el('td', {}, actorCell(ev.target)),
    el('td', {}, textSpan(placeText(ev))),
    el('td', {class: 'num'}, el('bdi', {dir: 'ltr'}, fmtNum(ev.intensity, 1))),
    el('td', {class: 'num'}, String(ev.num_mentions ?? (ev.mentions ? ev.mentions.length : ''))),
    el('td', {}, textSpan(outletsText(ev))));
    tbody.append(tr);
  }
}

// --------------------------------------------------------------- event view

function mentionSentence(m) {
  return (m.evidence && m.evidence.text) || '';
}

function mentionTrigger(m) {
  if (m.trigger && typeof m.trigger === 'object') return m.trigger.text || '';
  return m.trigger || '';
}

// A highlight term for a span given in document byte offsets, made
// relative to the sentence; falls back to the text when offsets are absent.
function spanTerm(span, base, cls, words) {
  if (!span) return null;
  const term = {text: span.text, cls, words};
  if (Number.isInteger(span.start) && Number.isInteger(span.end) && Number.isInteger(base)) {
    term.start = span.start - base;
    term.end = span.end - base;
  }
  return term;
}

function renderMention(m, ev) {
  const sentence = mentionSentence(m);
  const base = m.evidence && m.evidence.start;
  const trig = typeof m.trigger === 'object' ? m.trigger : {text: m.trigger};
  const para = el('p', {class: 'sentence', dir: 'rtl', lang: 'ar'});
  para.append(highlight(sentence, [
    spanTerm(trig, base, 'trigger', true),
    spanTerm(m.source, base, 'src'),
    spanTerm(m.target, base, 'tgt'),
  ]));
  const docId = m.doc_id;
  const link = docId
    ? el('a', {href: `#/doc/${encodeURIComponent(docId)}?s=${m.sentence ?? ''}`, class: 'doc-link'}, t('article'))
    : null;
  const meta = el('div', {class: 'meta'},
    el('span', {}, `${t('trigger')}: `, textSpan(mentionTrigger(m), 'trigger-text')),
    m.outlet ? el('span', {class: 'outlet'}, `${t('outlet')}: `, textSpan(m.outlet)) : null,
    el('span', {}, `${t('date')}: `, el('bdi', {dir: 'ltr'}, m.date || m.doc_date || t('none'))),
    m.title ? el('span', {class: 'title'}, textSpan(m.title)) : null,
    m.reported_by ? el('span', {}, `${t('reported_by')}: `, textSpan(m.reported_by.text || m.reported_by.name)) : null,
    m.negated ? el('span', {class: 'flag'}, t('negated_flag')) : null,
    link);
  return el('li', {class: 'mention'}, para, meta);
}

export function renderEvent(root, ev) {
  clear(root);
  const head = el('div', {class: 'event-head'},
    actorCell(ev.source), el('span', {class: 'arrow'}), actorCell(ev.target), categoryChip(ev));
  const place = placeText(ev);
  const facts = el('dl', {class: 'facts'},
    el('dt', {}, t('date')), el('dd', {}, el('bdi', {dir: 'ltr'}, ev.date || t('none'))),
    el('dt', {}, 'CAMEO'), el('dd', {}, el('span', {class: 'code'}, ev.cameo || t('none'))),
    el('dt', {}, t('intensity')), el('dd', {}, el('bdi', {dir: 'ltr'}, fmtNum(ev.intensity, 1))),
    el('dt', {}, t('modality')), el('dd', {}, modalityLabel(ev.modality)),
    el('dt', {}, t('location')), el('dd', {}, place ? textSpan(place) : t('none')),
    el('dt', {}, t('mentions')), el('dd', {}, String(ev.num_mentions ?? (ev.mentions || []).length)));
  const legend = el('div', {class: 'legend-marks'},
    el('mark', {class: 'trigger'}, t('trigger')),
    el('mark', {class: 'src'}, t('source')),
    el('mark', {class: 'tgt'}, t('target')));
  const list = el('ol', {class: 'mentions'});
  for (const m of ev.mentions || []) list.append(renderMention(m, ev));
  root.append(el('h2', {}, `${t('event')} #${ev.id}`), head, facts,
    el('h3', {}, t('evidence')), legend, list);
}

// --------------------------------------------------------------- article view

// Sentence spans of the document: [{start, end, index}] in byte offsets.
function docSentences(doc) {
  return (doc.sentences || []).map((s, i) => ({
    start: s.start, end: s.end, index: s.index ?? s.sentence ?? i,
  }));
}

export function renderDoc(root, doc, focus) {
  clear(root);
  const text = doc.text || '';
  const bytes = utf8Bytes(text);
  const withEvents = new Set((doc.mentions || doc.events || []).map((m) => m.sentence));
  const body = el('div', {class: 'doc-text', dir: 'rtl', lang: 'ar'});
  let pos = 0;
  for (const s of docSentences(doc)) {
    // Text outside every sentence is what rasd dropped as page furniture
    // (icons, image names, font-size widgets): shown, but muted.
    if (s.start > pos) body.append(el('span', {class: 'gap'}, byteSlice(bytes, pos, s.start)));
    const cls = ['sent'];
    if (withEvents.has(s.index)) cls.push('has-event');
    if (focus !== null && focus !== undefined && Number(focus) === s.index) cls.push('focus');
    body.append(el('span', {class: cls.join(' '), id: `s${s.index}`, 'data-sentence': s.index},
      byteSlice(bytes, s.start, s.end)));
    pos = Math.max(pos, s.end);
  }
  if (pos < bytes.length) body.append(el('span', {class: 'gap'}, byteSlice(bytes, pos, bytes.length)));
  const title = doc.title || doc.id || doc.doc_id;
  const meta = el('div', {class: 'meta'},
    doc.outlet || doc.source ? el('span', {}, `${t('outlet')}: `, textSpan(doc.outlet || doc.source)) : null,
    el('span', {}, `${t('date')}: `, el('bdi', {dir: 'ltr'}, doc.date || t('none'))),
    doc.url ? el('a', {href: doc.url, rel: 'noopener noreferrer', target: '_blank', dir: 'ltr'}, t('open_url')) : null,
    el('span', {class: 'code'}, doc.id || doc.doc_id || ''));
  const events = el('ol', {class: 'mentions doc-events'});
  for (const m of doc.mentions || []) {
    events.append(el('li', {},
      el('a', {href: `#/event/${m.event}`}, categoryChip(m)), ' ',
      actorCell(m.source), el('span', {class: 'arrow'}), actorCell(m.target), ' · ',
      textSpan(mentionTrigger(m), 'trigger-text'),
      el('span', {class: 'meta'}, `${t('sentence')} ${m.sentence}`)));
  }
  root.append(el('h2', {}, t('doc')),
    el('h1', {class: 'doc-title', dir: isArabic(title) ? 'rtl' : 'auto', lang: isArabic(title) ? 'ar' : undefined}, title),
    meta, body, el('h3', {}, t('events')), events);
  const f = root.querySelector('.sent.focus');
  if (f) f.scrollIntoView({block: 'center'});
}
