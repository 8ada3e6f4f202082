// util.js - DOM helpers and the API client. Every string from the store is
// put in the page as text (never as HTML).

// el('td', {class: 'num', dir: 'rtl'}, 'text', childNode, ...)
export function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const kid of kids) {
    if (kid === undefined || kid === null || kid === false) continue;
    e.append(kid instanceof Node ? kid : String(kid));
  }
  return e;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

export function isArabic(s) { return typeof s === 'string' && ARABIC.test(s); }

// A span for content that may be Arabic: dir="rtl" lang="ar" when it is,
// isolated from the surrounding text either way.
export function textSpan(s, cls) {
  const ar = isArabic(s);
  return el('bdi', {class: cls, dir: ar ? 'rtl' : 'auto', lang: ar ? 'ar' : undefined}, s ?? '');
}

export class ApiError extends Error {
  constructor(message, status) { super(message); this.status = status; }
}

// GET an API path with the non-empty params; resolves to the parsed JSON,
// rejects with ApiError carrying the server's {"error"} message.
export async function api(path, params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    qs.append(k, v === true ? '1' : String(v));
  }
  const url = qs.toString() ? `${path}?${qs}` : path;
  let res;
  try {
    res = await fetch(url, {headers: {Accept: 'application/json'}});
  } catch (e) {
    throw new ApiError(String(e.message || e), 0);
  }
  let body = null;
  try { body = await res.json(); } catch (e) { /* not JSON */ }
  if (!res.ok) throw new ApiError((body && body.error) || `HTTP ${res.status}`, res.status);
  return body;
}

// Decode the UTF-8 byte range [start, end) of a string (store offsets are
// byte offsets into the document text).
const enc = new TextEncoder();
const dec = new TextDecoder();
export function utf8Bytes(s) { return enc.encode(s || ''); }
export function byteSlice(bytes, start, end) {
  const a = Math.max(0, Math.min(bytes.length, start | 0));
  const b = Math.max(a, Math.min(bytes.length, end | 0));
  return dec.decode(bytes.subarray(a, b));
}

// Highlight terms in a sentence. Each term is {cls, start, end} with UTF-8
// byte offsets relative to the sentence (what the store records), or
// {cls, text, words} to be found by text: each word of a multi-word trigger
// separately (triggers may be discontinuous, "بحث … مع"). Returns a
// DocumentFragment with <mark class=cls>.
export function highlight(sentence, terms) {
  const bytes = utf8Bytes(sentence);
  const ranges = [];
  const taken = (a, b) => ranges.some((r) => a < r.end && b > r.start);
  const add = (a, b, cls) => {
    if (a < b && !taken(a, b)) { ranges.push({start: a, end: b, cls}); return true; }
    return false;
  };
  const find = (needle, cls) => {
    if (!needle) return false;
    for (let from = 0; ;) {
      const i = sentence.indexOf(needle, from);
      if (i < 0) return false;
      if (add(i, i + needle.length, cls)) return true;
      from = i + 1;
    }
  };
  const chars = (b) => dec.decode(bytes.subarray(0, b)).length;
  for (const term of terms) {
    if (!term) continue;
    if (Number.isInteger(term.start) && Number.isInteger(term.end) &&
        term.start >= 0 && term.end <= bytes.length && term.start < term.end) {
      if (add(chars(term.start), chars(term.end), term.cls)) continue;
    }
    const text = (term.text || '').trim();
    if (!text) continue;
    if (term.words) {
      for (const w of text.split(/[\s…]+/)) if (w) find(w, term.cls);
    } else if (!find(text, term.cls)) {
      // An actor written with a clitic or split differently: its words.
      for (const w of text.split(/\s+/)) if (w.length > 1) find(w, term.cls);
    }
  }
  ranges.sort((x, y) => x.start - y.start);
  const frag = document.createDocumentFragment();
  let pos = 0;
  for (const r of ranges) {
    if (r.start > pos) frag.append(sentence.slice(pos, r.start));
    frag.append(el('mark', {class: r.cls}, sentence.slice(r.start, r.end)));
    pos = r.end;
  }
  if (pos < sentence.length) frag.append(sentence.slice(pos));
  return frag;
}

export function fmtNum(x, digits) {
  if (x === undefined || x === null || Number.isNaN(Number(x))) return '—';
  return Number(x).toFixed(digits ?? 0);
}
