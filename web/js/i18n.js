// i18n.js - interface strings in Arabic (default) and English. Content from
// the store (Arabic sentences, actor names as written) is never translated;
// only labels are.

const STRINGS = {
  ar: {
    title: 'رصد — الأحداث السياسية في الأخبار العربية',
    brand: 'رصد',
    tagline: 'من فعل ماذا بمن',
    lang_toggle: 'English',
    filters: 'المرشّحات',
    actor: 'الفاعل',
    actor_ph: 'مثال: فيدان، تركيا',
    dyad: 'ثنائية',
    dyad_a: 'الطرف أ',
    dyad_b: 'الطرف ب',
    directed: 'من أ إلى ب فقط',
    category: 'الفئة (PLOVER)',
    quad: 'الربع',
    cameo: 'رمز CAMEO',
    from: 'من تاريخ',
    to: 'إلى تاريخ',
    country: 'بلد المكان (ISO3)',
    place: 'المكان',
    outlet: 'المصدر الإعلامي',
    text: 'بحث في النص',
    include: 'تضمين',
    future: 'المستقبلية',
    negated: 'المنفية',
    hypothetical: 'الافتراضية',
    by: 'الفترة',
    by_day: 'يوم',
    by_week: 'أسبوع',
    by_month: 'شهر',
    by_year: 'سنة',
    apply: 'تطبيق',
    reset: 'مسح',
    any: 'الكل',
    timeline: 'الخط الزمني',
    timeline_hint: 'عدد الأحداث في كل فترة حسب الربع، ومتوسط الشدة',
    mean_intensity: 'متوسط الشدة',
    network: 'شبكة الفاعلين',
    network_hint: 'حجم العقدة = عدد الأحداث؛ الأخضر تعاون والأحمر صراع. انقر عقدة أو رابطاً للتصفية.',
    events: 'الأحداث',
    date: 'التاريخ',
    source: 'الفاعل المصدر',
    target: 'الفاعل الهدف',
    intensity: 'الشدة',
    mentions: 'الإشارات',
    outlets: 'المصادر',
    location: 'المكان',
    modality: 'الصيغة',
    prev: 'السابق',
    next: 'التالي',
    showing: 'عرض {a}–{b}',
    more: 'والمزيد',
    no_events: 'لا أحداث تطابق المرشّحات.',
    loading: 'جارٍ التحميل…',
    back: 'رجوع',
    event: 'الحدث',
    evidence: 'الأدلة: كل إشارة إلى الحدث',
    trigger: 'الفعل',
    sentence: 'الجملة',
    article: 'عرض المقال',
    doc: 'المقال',
    open_url: 'الرابط الأصلي',
    search: 'بحث في المقالات',
    search_ph: 'كلمات للبحث في المقالات',
    search_go: 'بحث',
    no_results: 'لا نتائج.',
    stats: '{docs} مقالاً · {events} حدثاً',
    error: 'خطأ',
    negated_flag: 'منفي',
    reported_by: 'على لسان',
    confidence: 'الثقة',
    none: '—',
    quads: {1: 'تعاون لفظي', 2: 'تعاون مادي', 3: 'صراع لفظي', 4: 'صراع مادي'},
    cats: {
      AGREE: 'اتفاق', CONSULT: 'تشاور', SUPPORT: 'دعم', CONCEDE: 'تنازل',
      COOPERATE: 'تعاون', AID: 'مساعدة', RETREAT: 'انسحاب', REQUEST: 'طلب',
      ACCUSE: 'اتهام', REJECT: 'رفض', THREATEN: 'تهديد', PROTEST: 'احتجاج',
      SANCTION: 'عقوبات', MOBILIZE: 'تعبئة', COERCE: 'إكراه', ASSAULT: 'اعتداء',
    },
    modalities: {asserted: 'مؤكَّد', future: 'مستقبلي', hypothetical: 'افتراضي'},
  },
  en: {
    title: 'rasd — political events in Arabic news',
    brand: 'rasd',
    tagline: 'who did what to whom',
    lang_toggle: 'العربية',
    filters: 'Filters',
    actor: 'Actor',
    actor_ph: 'code or name, e.g. TUR, Fidan',
    dyad: 'Dyad',
    dyad_a: 'Actor A',
    dyad_b: 'Actor B',
    directed: 'only A towards B',
    category: 'Category (PLOVER)',
    quad: 'Quad class',
    cameo: 'CAMEO code',
    from: 'From',
    to: 'To',
    country: 'Place country (ISO3)',
    place: 'Place',
    outlet: 'Outlet',
    text: 'Text search',
    include: 'Include',
    future: 'future',
    negated: 'negated',
    hypothetical: 'hypothetical',
    by: 'Period',
    by_day: 'day',
    by_week: 'week',
    by_month: 'month',
    by_year: 'year',
    apply: 'Apply',
    reset: 'Reset',
    any: 'any',
    timeline: 'Timeline',
    timeline_hint: 'Events per period by quad class, and mean intensity',
    mean_intensity: 'mean intensity',
    network: 'Actor network',
    network_hint: 'Node size = events; green cooperation, red conflict. Click a node or an edge to filter.',
    events: 'Events',
    date: 'Date',
    source: 'Source actor',
    target: 'Target actor',
    intensity: 'Intensity',
    mentions: 'Mentions',
    outlets: 'Outlets',
    location: 'Place',
    modality: 'Modality',
    prev: 'Previous',
    next: 'Next',
    showing: 'showing {a}–{b}',
    more: 'and more',
    no_events: 'No events match the filters.',
    loading: 'Loading…',
    back: 'Back',
    event: 'Event',
    evidence: 'Evidence: every mention of the event',
    trigger: 'Trigger',
    sentence: 'Sentence',
    article: 'View article',
    doc: 'Article',
    open_url: 'original link',
    search: 'Search articles',
    search_ph: 'words to search the articles for',
    search_go: 'Search',
    no_results: 'No results.',
    stats: '{docs} articles · {events} events',
    error: 'Error',
    negated_flag: 'negated',
    reported_by: 'reported by',
    confidence: 'confidence',
    none: '—',
    quads: {1: 'verbal cooperation', 2: 'material cooperation', 3: 'verbal conflict', 4: 'material conflict'},
    cats: {},
    modalities: {asserted: 'asserted', future: 'future', hypothetical: 'hypothetical'},
  },
};

let lang = 'ar';
try {
  const saved = window.localStorage.getItem('rasd.lang');
  if (saved === 'en' || saved === 'ar') lang = saved;
} catch (e) { /* storage may be disabled */ }

export function getLang() { return lang; }

export function setLang(l) {
  lang = l === 'en' ? 'en' : 'ar';
  try { window.localStorage.setItem('rasd.lang', lang); } catch (e) { /* ignore */ }
}

// t('key') or t('key', {a: 1}) with {a} placeholders.
export function t(key, vars) {
  let s = STRINGS[lang][key];
  if (s === undefined) s = STRINGS.en[key];
  if (s === undefined) return key;
  if (vars) s = s.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
  return s;
}

export function catLabel(name) {
  if (!name) return '';
  const ar = STRINGS[lang].cats[name];
  return ar ? `${ar} (${name})` : name;
}

export function quadLabel(q) { return STRINGS[lang].quads[q] || String(q); }

export function modalityLabel(m) { return STRINGS[lang].modalities[m] || m || ''; }

// Apply labels to the static page: [data-i18n] sets text, [data-i18n-ph]
// sets the placeholder.
export function applyStatic(root) {
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
  document.title = t('title');
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-ph]')) el.placeholder = t(el.dataset.i18nPh);
}
